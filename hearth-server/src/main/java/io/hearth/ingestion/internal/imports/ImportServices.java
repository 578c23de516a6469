package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.internal.EventWriter;
import tools.jackson.databind.json.JsonMapper;

/** The collaborators every import run uses. */
record ImportServices(EventWriter writer, ImportCheckpoints checkpoints, JsonMapper json) {}
