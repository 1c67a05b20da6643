/** A stored file as it is read back: its bytes and what the reader needs to name and check them. */
export interface StoredFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}
