/** An input that cannot become an article; its message is what the user reads in `.error.json`. */
export class InputRejectedError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'empty'
      | 'binary'
      | 'encoding'
      | 'too-large'
      | 'bad-json'
      | 'bad-article'
      | 'bad-html'
      | 'unsupported'
      | 'symlink'
      | 'unreadable',
  ) {
    super(message);
    this.name = 'InputRejectedError';
  }
}
