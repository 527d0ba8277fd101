// The robot side of a Feetech bus: a serial port (USB adapter of the arm's
// servo bus, 1,000,000 baud by default) through `serialport`, whose prebuilt
// native binding ships in the npm package.
import { SerialPort } from 'serialport';
import type { feetech } from '@teleop/proto';

export class SerialPortError extends Error {
  override name = 'SerialPortError';
}

export class SerialTransport implements feetech.ByteTransport {
  private receiver: (bytes: Uint8Array) => void = () => undefined;
  private closedReason: string | null = null;
  private onClosed: (reason: string) => void = () => undefined;

  private constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {
    port.on('data', (chunk: Buffer) => this.receiver(chunk));
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => this.closed(err?.disconnected ? 'the serial port was unplugged' : 'the serial port closed'));
    port.on('error', (err: Error) => this.closed(`serial port error: ${err.message}`));
  }

  static async open(path: string, baudRate = 1_000_000): Promise<SerialTransport> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(new SerialPortError(`cannot open ${path}: ${err.message}`)) : resolve())),
    );
    return new SerialTransport(path, port);
  }

  private closed(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    this.onClosed(reason);
  }

  /** Why the port is gone, or null while it is open. */
  get closedBecause(): string | null {
    return this.closedReason;
  }

  /** Called once when the port goes away (unplugged, or closed). */
  onClose(cb: (reason: string) => void): void {
    this.onClosed = cb;
  }

  onData(receiver: (bytes: Uint8Array) => void): void {
    this.receiver = receiver;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closedReason) return Promise.reject(new SerialPortError(`${this.path}: ${this.closedReason}`));
    // Written to the port's kernel buffer is enough: no drain (tcdrain) per packet. A drain holds a thread of
    // libuv's small pool until the far end has read the bytes, and the port's reads need those threads too: on a
    // busy machine, answers then sat unread while the step called the servos silent.
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (err) => (err ? reject(new SerialPortError(`${this.path}: ${err.message}`)) : resolve()));
    });
  }

  async close(): Promise<void> {
    this.closedReason ??= 'closed';
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
