// How long the event loop went without turning while a test ran: a timer ticks every few
// milliseconds and the longest gap between ticks is what a blocked loop (a wait inside SQLite,
// a long synchronous step) shows. A behaviour check with a wide margin, not a speed figure.

export interface LoopGapMeter {
  /** The longest gap between two ticks so far, ms. */
  longest(): number;
  stop(): void;
}

export function meterLoopGaps(tickMs = 5): LoopGapMeter {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, tickMs);
  return { longest: () => longest, stop: () => clearInterval(ticker) };
}
