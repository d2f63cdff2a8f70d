package org.portcullis.oftp2.command;

import java.time.YearMonth;

/** Checks for the virtual file date and time stamps of SFID, EERP and NERP (RFC 5024 §5.3.3). */
final class Timestamps {
    private Timestamps() {
    }

    /** CCYYMMDD naming a real day (8 digits assumed). */
    static boolean isCalendarDate(String date) {
        int year = Integer.parseInt(date, 0, 4, 10);
        int month = Integer.parseInt(date, 4, 6, 10);
        int day = Integer.parseInt(date, 6, 8, 10);
        return month >= 1 && month <= 12 && day >= 1 && YearMonth.of(year, month).isValidDay(day);
    }

    /** HHMMSScccc with a real time of day and a counter of 0001-9999 (10 digits assumed). */
    static boolean isTimeWithCounter(String time) {
        int hours = Integer.parseInt(time, 0, 2, 10);
        int minutes = Integer.parseInt(time, 2, 4, 10);
        int seconds = Integer.parseInt(time, 4, 6, 10);
        int counter = Integer.parseInt(time, 6, 10, 10);
        return hours < 24 && minutes < 60 && seconds < 60 && counter >= 1;
    }
}
