// Counters for the Prometheus /metrics endpoint. Labels are small fixed sets (source,
// outcome, type): never addresses, which would make one series per recipient.

export type Labels = Record<string, string>;

export class Counter {
  name: string;
  help: string;
  #values = new Map<string, { labels: Labels; value: number }>();
  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = JSON.stringify(Object.entries(labels).sort());
    const cur = this.#values.get(key);
    if (cur) cur.value += by;
    else this.#values.set(key, { labels, value: by });
  }
  samples(): { labels: Labels; value: number }[] {
    return [...this.#values.values()];
  }
}

export class Metrics {
  messagesReceived = new Counter('rebound_messages_received_total', 'Messages received, by source and outcome');
  bouncesRecorded = new Counter('rebound_bounces_recorded_total', 'Recipient rows recorded, by kind and bounce type');
  noticesSent = new Counter('rebound_notices_sent_total', 'Notification emails sent');
  noticesFailed = new Counter('rebound_notices_failed_total', 'Notification sends that failed');
  suppressionLookups = new Counter('rebound_suppression_lookups_total', 'Suppression lookups by Postfix, by server (socketmap, policy) and result (hit, miss, error)');
  counters(): Counter[] {
    return [this.messagesReceived, this.bouncesRecorded, this.noticesSent, this.noticesFailed, this.suppressionLookups];
  }
}
