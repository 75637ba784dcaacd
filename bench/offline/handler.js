// The echo integration of the demo's JWT route, as a Lambda: answers with the event it got.
exports.echo = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(event),
});
