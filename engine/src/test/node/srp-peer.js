// Independent SRP peer for the engine tests (spec §9.4): the AWS-published client
// amazon-cognito-identity-js logs in through its real CognitoUser.authenticateUser code path,
// against a fake transport that answers InitiateAuth with the challenge given on stdin and
// captures the RespondToAuthChallenge request instead of sending it.
//
// stdin:  one JSON object per line: {poolName, username, password, a, salt, srpB, secretBlock, epochMillis}
//         (a, salt, srpB hex; secretBlock Base64; epochMillis the client's "now")
// stdout: one JSON object per line: {srpA, username, secretBlock, timestamp, signature} or {error}
'use strict';

const readline = require('readline');
const {
  AuthenticationDetails, CognitoUser, CognitoUserPool,
} = require('amazon-cognito-identity-js');
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;

// The library draws a from crypto randomness and reads the time from new Date(); both are
// replaced, not re-implemented, so its own padding, hashing and DateHelper formatting still run.
let fixedA = null;
let fixedNow = 0;
AuthenticationHelper.prototype.generateRandomSmallA = function fixedSmallA() {
  return fixedA;
};
const RealDate = Date;
global.Date = class extends RealDate {
  constructor(...args) {
    super(...(args.length === 0 ? [fixedNow] : args));
  }
  static now() {
    return fixedNow;
  }
};

function login(input) {
  fixedA = new BigInteger(input.a, 16);
  fixedNow = input.epochMillis;
  return new Promise((resolve) => {
    const out = {};
    const transport = {
      request(operation, params, callback) {
        if (operation === 'InitiateAuth') {
          out.srpA = params.AuthParameters.SRP_A;
          callback(null, {
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 'session',
            ChallengeParameters: {
              SALT: input.salt,
              SRP_B: input.srpB,
              SECRET_BLOCK: input.secretBlock,
              USER_ID_FOR_SRP: input.username,
              USERNAME: input.username,
            },
          });
        } else if (operation === 'RespondToAuthChallenge') {
          const r = params.ChallengeResponses;
          Object.assign(out, {
            username: r.USERNAME,
            secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK,
            timestamp: r.TIMESTAMP,
            signature: r.PASSWORD_CLAIM_SIGNATURE,
          });
          callback({ code: 'Captured', message: 'captured, not sent' }, null);
        } else {
          callback({ code: 'Unexpected', message: `unexpected operation ${operation}` }, null);
        }
      },
    };
    const pool = new CognitoUserPool({ UserPoolId: `local-1_${input.poolName}`, ClientId: 'peerclient' });
    const user = new CognitoUser({ Username: input.username, Pool: pool });
    user.client = transport;
    user.setAuthenticationFlowType('USER_SRP_AUTH');
    const details = new AuthenticationDetails({ Username: input.username, Password: input.password });
    user.authenticateUser(details, {
      onSuccess: () => resolve({ error: 'unexpected success' }),
      onFailure: (err) => resolve(err.code === 'Captured' ? out : { error: String(err.message || err) }),
    });
  });
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let result;
    try {
      result = await login(JSON.parse(line));
    } catch (e) {
      result = { error: String(e && e.message ? e.message : e) };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main();
