const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A sample this far from exactly a day before still stands for "a day ago". */
const TOLERANCE_MS = HOUR;
/** At most one sample in this long: a day's history stays a few hundred numbers. */
const SAMPLE_EVERY_MS = 5 * 60_000;

/**
 * The total market's 24-hour volume change, which no endpoint gives: CoinGecko's /global has the volume but not
 * its change, so the volume each answer carried is kept for a day, and compared with its value a day before.
 * Until a server has seen a day of answers (or with no sample near a day ago), the change is unknown.
 */
export function createVolumeHistory() {
  const samples: { at: number; volume: number }[] = [];
  return {
    /** The change since a day before `at`, after noting this answer's volume; null when not known. */
    changeSince(volume: number | null, at: number): number | null {
      if (volume === null || volume <= 0) return null;
      const latest = samples.at(-1);
      if (!latest || at - latest.at >= SAMPLE_EVERY_MS) samples.push({ at, volume });
      while (samples.length > 0 && samples[0]!.at < at - DAY - TOLERANCE_MS) samples.shift();
      const dayBefore = at - DAY;
      const near = samples.filter((sample) => Math.abs(sample.at - dayBefore) <= TOLERANCE_MS);
      const closest = near.sort((a, b) => Math.abs(a.at - dayBefore) - Math.abs(b.at - dayBefore))[0];
      return closest ? (volume / closest.volume - 1) * 100 : null;
    },
  };
}
