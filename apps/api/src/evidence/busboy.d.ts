// busboy 1.x ships no types (it comes with multer, which would buffer or write temp files where this streams).
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  namespace busboy {
    interface FileInfo {
      filename: string;
      encoding: string;
      mimeType: string;
    }
    interface Limits {
      fieldSize?: number;
      fields?: number;
      fileSize?: number;
      files?: number;
      parts?: number;
    }
    interface Busboy extends Writable {
      on(event: 'file', listener: (name: string, stream: Readable, info: FileInfo) => void): this;
      on(event: 'field', listener: (name: string, value: string) => void): this;
      on(event: 'close' | 'partsLimit' | 'filesLimit' | 'fieldsLimit', listener: () => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
    }
  }
  function busboy(config: { headers: IncomingHttpHeaders; limits?: busboy.Limits; defParamCharset?: string }): busboy.Busboy;
  export = busboy;
}
