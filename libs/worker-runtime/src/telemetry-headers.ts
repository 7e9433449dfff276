/** Temporal header carrying the API request's id (x-request-id) into an Update, then to activities and logs. */
export const REQUEST_ID_HEADER = 'dandang-request-id';
