// The seed's partner gate (DESIGN.md's worked example) with isRevoked and lookupTenant as small stubs, reading the
// key header in any case: the local gateway's JDK HTTP server hands header names over as "X-api-key", while API
// Gateway REST keeps the client's case (issue 19). Keys are the demo's local fixtures.
const REVOKED = new Set(['local-globex-8e7d6c5b4a39281706f5e4d3']);
const TENANTS = {
  'local-acme-3f9a1b7c5d2e4f60a1b2c3d4': { tenantId: 'acme-001', plan: 'gold' },
};
const isRevoked = async (apiKey) => REVOKED.has(apiKey);
const lookupTenant = async (apiKey) => TENANTS[apiKey];

exports.handler = async (event) => {
  const apiKey = Object.entries(event.headers || {}).find(([name]) => name.toLowerCase() === 'x-api-key')?.[1];
  if (await isRevoked(apiKey)) {
    console.log('revoked key', apiKey);
    return { principalId: 'revoked', policyDocument: policy('Deny', event.methodArn) };
  }
  const tenant = await lookupTenant(apiKey);
  if (!tenant) {
    throw new Error('Unauthorized');
  }
  console.log('tenant', tenant.tenantId, 'plan', tenant.plan);
  const [arn, stage] = event.methodArn.split('/');
  return {
    principalId: tenant.tenantId,
    policyDocument: policy('Allow', `${arn}/${stage}/*`),
    context: { tenantId: tenant.tenantId, plan: tenant.plan },
  };
};

function policy(effect, resource) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] };
}
