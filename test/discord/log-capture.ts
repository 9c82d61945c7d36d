// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Every log line the bot writes, as JSON text (what would reach standard error). */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  entries(): Json[] {
    return this.lines.map((l) => JSON.parse(l) as Json);
  }
}
