// Progress of `rebound import`: on a terminal a bar redrawn in place (count, share done,
// rate, ETA), otherwise (a log, a pipe, CI) a plain line every few seconds. The ETA comes
// from how far through the input the import is (bytes of an mbox, files of a folder).

export interface ProgressSink {
  write(text: string): void;
}

export interface ImportProgress {
  /** After each message: how many so far, and how far through the input (0..1). */
  update(count: number, fraction: number): void;
  /** Clears the bar (a terminal) before the summary line. */
  done(): void;
}

/** A terminal redraws at most this often; a plain log gets a line this often. */
const TTY_REDRAW_MS = 100;
const PLAIN_LINE_MS = 5000;
const BAR_WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export function createImportProgress(
  label: string,
  sink: ProgressSink,
  tty: boolean,
  now: () => number = () => performance.now(),
): ImportProgress {
  const started = now();
  let last = -Infinity;
  let drawn = false;
  const figures = (count: number, fraction: number) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const f = Math.min(1, Math.max(0, fraction));
    const eta = f > 0 ? (seconds / f) * (1 - f) : NaN;
    return { rate: Math.round(rate), pct: Math.floor(f * 100), eta: formatDuration(eta), f };
  };
  return {
    update(count, fraction) {
      const t = now();
      if (t - last < (tty ? TTY_REDRAW_MS : PLAIN_LINE_MS)) return;
      last = t;
      const x = figures(count, fraction);
      if (tty) {
        const filled = Math.round(x.f * BAR_WIDTH);
        sink.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count.toLocaleString('en')} messages ${x.pct}% ${x.rate.toLocaleString('en')} msg/s ETA ${x.eta}\x1b[K`,
        );
        drawn = true;
      } else {
        sink.write(`${label}: ${count} messages, ${x.pct}% done, ${x.rate} msg/s, ETA ${x.eta}\n`);
      }
    },
    done() {
      if (tty && drawn) sink.write('\r\x1b[K');
    },
  };
}
