/** Why an input was refused, as `code` in `.error.json` and failure records. */
export const REJECTION_CODES = ['empty', 'binary', 'encoding', 'too-large', 'too-long', 'bad-json', 'bad-article', 'bad-html', 'unsupported', 'symlink', 'unreadable'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** The ingest closed while a file was waited for or read: not a failure of the file, which stays in the inbox. */
export class IngestStoppedError extends Error {
  constructor(what: string) {
    super(`the ingest stopped while ${what} (the file stays in the inbox)`);
    this.name = 'IngestStoppedError';
  }
}

/** An input that cannot become an article; its message is what the user reads in `.error.json`. */
export class InputRejectedError extends Error {
  constructor(
    message: string,
    readonly code: RejectionCode,
  ) {
    super(message);
    this.name = 'InputRejectedError';
  }
}
