// `npm run eval:… | head` closes stdout before the report ends; a report piped into a pager or head
// should stop there quietly, not die with an unhandled EPIPE and a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
