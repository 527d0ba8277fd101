// The browser side of a Feetech bus: a Web Serial port (Chromium; the user
// picks the leader arm's USB adapter in the browser's chooser) as the byte
// transport of the shared Feetech bus code in @teleop/proto.
import type { feetech } from '@teleop/proto';

/** The part of the Web Serial API used here (not in TypeScript's DOM library yet). */
export interface WebSerialPort {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readable: ReadableStream<Uint8Array> | null;
  writable: WritableStream<Uint8Array> | null;
  getInfo?(): { usbVendorId?: number; usbProductId?: number };
}

interface WebSerial {
  requestPort(options?: { filters?: { usbVendorId?: number }[] }): Promise<WebSerialPort>;
}

export class WebSerialUnavailableError extends Error {}

export function webSerial(): WebSerial | null {
  return (navigator as unknown as { serial?: WebSerial }).serial ?? null;
}

export class WebSerialTransport implements feetech.ByteTransport {
  private receiver: (bytes: Uint8Array) => void = () => undefined;
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private writer: WritableStreamDefaultWriter<Uint8Array> | null = null;
  /** Why reading stopped (unplugged, closed), once it has. */
  closedBecause: string | null = null;
  onClose: (reason: string) => void = () => undefined;

  private constructor(private readonly port: WebSerialPort) {}

  /** Asks the user for a port (a user gesture must precede this) and opens it at the bus rate. */
  static async request(baudRate = 1_000_000): Promise<WebSerialTransport> {
    const serial = webSerial();
    if (!serial) throw new WebSerialUnavailableError('this browser has no Web Serial (use Chrome or Edge on a desktop, over https or localhost)');
    const port = await serial.requestPort();
    await port.open({ baudRate });
    const t = new WebSerialTransport(port);
    t.pump();
    return t;
  }

  private pump(): void {
    if (!this.port.readable) throw new WebSerialUnavailableError('the serial port has no readable stream');
    this.reader = this.port.readable.getReader();
    this.writer = this.port.writable!.getWriter();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await this.reader!.read();
          if (done) break;
          if (value) this.receiver(value);
        }
        this.closed('the serial port closed');
      } catch (err) {
        this.closed(`the serial port failed: ${(err as Error).message}`);
      }
    })();
  }

  private closed(reason: string): void {
    if (this.closedBecause) return;
    this.closedBecause = reason;
    this.onClose(reason);
  }

  onData(receiver: (bytes: Uint8Array) => void): void {
    this.receiver = receiver;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closedBecause || !this.writer) throw new Error(this.closedBecause ?? 'the serial port is not open');
    await this.writer.write(bytes);
  }

  async close(): Promise<void> {
    this.closed('closed');
    await this.reader?.cancel().catch(() => undefined);
    this.reader?.releaseLock();
    this.writer?.releaseLock();
    await this.port.close().catch(() => undefined);
  }
}
