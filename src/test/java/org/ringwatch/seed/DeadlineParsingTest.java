package org.ringwatch.seed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every shape of deadline the records-law file uses, as the statutes read. */
class DeadlineParsingTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "20                          | business                    | 20 | business | -  | -",
            "none                        | n/a                         | -  | -        | -  | -",
            "10 / 15                     | business                    | 10 | business | 15 | business",
            "3 / 15                      | business / calendar         | 3  | business | 15 | calendar",
            "immediate / 3               | business                    | -  | -        | 3  | business",
            "24 hours / 7                | calendar                    | -  | -        | 7  | calendar",
            "none (≤20)                  | calendar                    | -  | -        | -  | -",
            "30 (10)                     | calendar (10 = working)     | 30 | calendar | -  | -",
            "none (10 for data subjects) | business                    | -  | -        | -  | -",
            "10 (5 expedited)            | business                    | 10 | business | -  | -",
    })
    void shouldParseOnlyWholeNumbersOfDays(String deadline, String dayType, Integer firstDays, String firstType,
            Integer secondDays, String secondType) {
        RecordsLawSeed.Deadline parsed = RecordsLawSeed.Deadline.parse(row(deadline, dayType));
        assertEquals(new RecordsLawSeed.Deadline(firstDays, firstType, secondDays, secondType), parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5       | n/a        | line 2: initial_deadline gives 5 days but day_type 'n/a' says neither business nor calendar",
            "5       | fortnights | line 2: initial_deadline gives 5 days but day_type 'fortnights' says neither business nor calendar",
            "1 / 2 / 3 | business | line 2: initial_deadline has more than two stages",
    })
    void shouldRefuseADeadlineItCannotReadWithTheLine(String deadline, String dayType, String message) {
        SeedException e = org.junit.jupiter.api.Assertions.assertThrows(SeedException.class,
                () -> RecordsLawSeed.Deadline.parse(row(deadline, dayType)));
        assertEquals("law.csv " + message, e.getMessage());
    }

    private static CsvReader.CsvRecord row(String deadline, String dayType) {
        return CsvReader.read("law.csv", "initial_deadline,day_type\n\"" + deadline + "\",\"" + dayType + "\"\n").get(0);
    }
}
