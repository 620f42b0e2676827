// Checks xAPI 1.0.3 statements read on stdin (a JSON array) with @learninglocker/xapi-validation,
// an implementation independent of the academy's, and prints the problems found as a JSON array.
"use strict";
const validate = require("@learninglocker/xapi-validation").default;
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const problems = [];
  JSON.parse(input).forEach((statement, index) => {
    validate(statement).forEach((warning) => {
      problems.push(`statement ${index} (${statement.verb && statement.verb.id}): ${warning.path.join(".")}: ${warning.message || warning.constructor.name}`);
    });
  });
  process.stdout.write(JSON.stringify(problems));
});
