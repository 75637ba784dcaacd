package dev.portcullis.engine.rules.usage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * A quota's period ({@code QuotaSettings.period}, apigw-facts §6). apigw-facts does not say where
 * periods begin: the emulator counts from UTC midnight, ISO weeks from Monday, months from the
 * 1st, and the trace must present these boundaries as the emulator's choice, not AWS's.
 */
public enum QuotaPeriod {
  DAY {
    @Override
    LocalDate startDate(LocalDate date) {
      return date;
    }

    @Override
    LocalDate nextStartDate(LocalDate start) {
      return start.plusDays(1);
    }
  },
  WEEK {
    @Override
    LocalDate startDate(LocalDate date) {
      return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    LocalDate nextStartDate(LocalDate start) {
      return start.plusWeeks(1);
    }
  },
  MONTH {
    @Override
    LocalDate startDate(LocalDate date) {
      return date.withDayOfMonth(1);
    }

    @Override
    LocalDate nextStartDate(LocalDate start) {
      return start.plusMonths(1);
    }
  };

  abstract LocalDate startDate(LocalDate date);

  abstract LocalDate nextStartDate(LocalDate start);

  /** When the period containing {@code now} began. */
  public Instant start(Instant now) {
    return startDate(LocalDate.ofInstant(now, ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** When the period containing {@code now} ends and the count starts again. */
  public Instant nextStart(Instant now) {
    LocalDate start = startDate(LocalDate.ofInstant(now, ZoneOffset.UTC));
    return nextStartDate(start).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
