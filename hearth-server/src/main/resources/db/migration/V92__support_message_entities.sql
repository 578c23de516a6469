-- Support messages kept only their order numbers, as a JSON array of strings. From now on they keep
-- every entity the assistant finds (order numbers, SKUs, emails, amounts, dates) as objects
-- {"kind", "text", "value", "currency"}; the old arrays become order-number objects so that one
-- reader serves every row. The text of an old entity is unknown (a leading '#' was dropped), so it
-- is the number itself.
UPDATE support_message m
SET entities = (
    SELECT jsonb_agg(jsonb_build_object('kind', 'ORDER_NUMBER', 'text', e.number, 'value', e.number, 'currency', null)
                     ORDER BY e.position)
    FROM jsonb_array_elements_text(m.entities) WITH ORDINALITY AS e(number, position))
WHERE jsonb_typeof(m.entities) = 'array'
  AND jsonb_array_length(m.entities) > 0
  AND jsonb_typeof(m.entities -> 0) = 'string';
