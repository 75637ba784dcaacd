// The seed's partner gate, reading the key header in any case: the local gateway's JDK HTTP server hands header
// names over as "X-api-key" (first letter upper, rest lower), while API Gateway REST keeps the client's case.
const TENANTS = { 'local-acme-3f9a1b7c5d2e4f60a1b2c3d4': { tenantId: 'acme-001', plan: 'gold' } };

exports.handler = async (event) => {
  const headers = Object.fromEntries(Object.entries(event.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
  const tenant = TENANTS[headers['x-api-key']];
  if (!tenant) {
    throw new Error('Unauthorized');
  }
  const [arn, stage] = event.methodArn.split('/');
  return {
    principalId: tenant.tenantId,
    policyDocument: { Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arn}/${stage}/*` }] },
    context: { tenantId: tenant.tenantId, plan: tenant.plan },
  };
};
