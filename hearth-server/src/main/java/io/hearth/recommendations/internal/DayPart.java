package io.hearth.recommendations.internal;

/** Four parts of the day: buying habits differ more between them than from hour to hour. */
enum DayPart {
    NIGHT,
    MORNING,
    AFTERNOON,
    EVENING;

    static DayPart ofHour(int hour) {
        if (hour < 6) {
            return NIGHT;
        }
        if (hour < 12) {
            return MORNING;
        }
        return hour < 18 ? AFTERNOON : EVENING;
    }
}
