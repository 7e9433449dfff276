/** Who is notified of what: the recipients of each deadline notice. */
export * from './deadline-notices';
