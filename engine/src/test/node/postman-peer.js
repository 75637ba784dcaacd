// Postman's own collection SDK reads a collection we exported: prints what it sees per request (folders,
// method, URL, headers, body, and the auth each request ends up with after Postman's inheritance), and
// writes the collection back as the SDK serialises it, for our importer to read.
// Usage: node postman-peer.js IN.json OUT.json
'use strict';
const fs = require('fs');
const { Collection, Item } = require('postman-collection');

const [input, output] = process.argv.slice(2);
const collection = new Collection(JSON.parse(fs.readFileSync(input, 'utf8')));
const requests = [];
collection.forEachItem((item) => {
  const folders = [];
  for (let p = item.parent(); p && p !== collection && Item.isItem(p) === false && p.name; p = p.parent()) {
    folders.unshift(p.name);
  }
  const auth = item.getAuth();
  const params = {};
  if (auth && auth.parameters()) {
    auth.parameters().each((p) => { params[p.key] = p.value; });
  }
  requests.push({
    name: item.name,
    folders,
    method: item.request.method,
    url: item.request.url.toString(),
    headers: item.request.headers.all().map((h) => ({ key: h.key, value: h.value })),
    body: item.request.body && item.request.body.raw !== undefined ? item.request.body.raw : null,
    auth: auth ? { type: auth.type, params } : null,
  });
});
fs.writeFileSync(output, JSON.stringify(collection.toJSON(), null, 2));
process.stdout.write(JSON.stringify({
  name: collection.name,
  variables: collection.variables.all().map((v) => ({ key: v.key, value: v.value })),
  requests,
}));
