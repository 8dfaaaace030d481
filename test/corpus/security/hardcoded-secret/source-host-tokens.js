const { Octokit } = require('@octokit/rest');

const octokit = new Octokit({ auth: 'ghp_duRHHJEYXg4JdpmrcXgGCJbW56eCuNGMGmSr' }); // expect: hardcoded-secret

const GITHUB_OAUTH_TOKEN = 'gho_CGIZEG8pSH4487q7J58m1CiAhzCueQpBenQt'; // expect: hardcoded-secret

function appClient() {
  return new Octokit({ auth: 'ghs_Yh5Xj8TPQxjq4i9DoV8gz4FkQ1okTBGzvAmw' }); // expect: hardcoded-secret
}

function fineGrained() {
  return new Octokit({
    auth: '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', // expect: hardcoded-secret
  });
}

async function gitlabProjects() {
  const res = await fetch('https://gitlab.example.com/api/v4/projects', {
    headers: { 'PRIVATE-TOKEN': 'glpat-IqfEouHgxzNNAL5wIScG' }, // expect: hardcoded-secret
  });
  return res.json();
}

function fromEnv() {
  return new Octokit({ auth: process.env.GITHUB_TOKEN }); // ok: hardcoded-secret
}

const REPO = 'acme/platform'; // ok: hardcoded-secret
const COMMIT_SHA = '42a21c402364f9572b85a8e48f687ab165c58ac5'; // ok: hardcoded-secret

module.exports = { octokit, GITHUB_OAUTH_TOKEN, appClient, fineGrained, gitlabProjects, fromEnv, REPO, COMMIT_SHA };
