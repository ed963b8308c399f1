// Parses PowerShell scripts with the tree-sitter-powershell grammar. A script fails when its tree
// holds an ERROR or MISSING node (a syntax error), or a pipeline chain (`a && b`, `a || b`), which
// PowerShell 7 has and Windows PowerShell 5.1 cannot run. Usage:
//   node check-ps1.mjs [--self-test] FILE.ps1...
// --self-test first checks that the checker itself catches broken snippets and passes good ones.
import { readFileSync } from 'node:fs';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

const parser = new Parser();
parser.setLanguage(PowerShell);

/** The problems in a script's source, as "line:column what" strings. */
export function problems(source) {
  // A callback input: the node binding refuses very long strings given at once.
  const tree = parser.parse((index) => (index < source.length ? source.slice(index, index + 4096) : null));
  const found = [];
  const cursor = tree.walk();
  let more = true;
  while (more) {
    const node = cursor.currentNode;
    const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
    if (node.type === 'ERROR') {
      found.push(`${where} syntax error near: ${source.slice(node.startIndex, node.startIndex + 60).split('\n')[0]}`);
    } else if (node.isMissing) {
      found.push(`${where} missing ${node.type}`);
    } else if (node.type === 'pipeline_chain_tail') {
      found.push(`${where} pipeline chain (&& or ||) needs PowerShell 7; 5.1 cannot run it`);
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  if (tree.rootNode.hasError && found.length === 0) found.push('1:1 the tree has an error');
  return found;
}

const SELF_TEST = [
  { ok: true, source: '$a = @(1, 2)\nif ($a.Count -gt 1) { Write-Output "two" }\n' },
  { ok: true, source: "$t = @'\nline\n'@\nfunction F([string] $x) { return , $x }\n" },
  { ok: false, source: 'function F {\n  if ($true) {\n    Write-Output 1\n}\n' },
  { ok: false, source: '$x = ($a + \n' },
  { ok: false, source: "$s = 'unterminated\n" },
  { ok: false, source: 'Get-Item x && Write-Output y\n' },
];

let args = process.argv.slice(2);
if (args[0] === '--self-test') {
  args = args.slice(1);
  for (const t of SELF_TEST) {
    const p = problems(t.source);
    if ((p.length === 0) !== t.ok) {
      console.error(`check-ps1: self-test failed: ${JSON.stringify(t.source)} gave ${JSON.stringify(p)}`);
      process.exit(2);
    }
  }
  console.log(`check-ps1: self-test passed (${SELF_TEST.length} snippets)`);
}
if (args.length === 0) {
  console.error('usage: node check-ps1.mjs [--self-test] FILE.ps1...');
  process.exit(2);
}
let failed = 0;
for (const file of args) {
  const p = problems(readFileSync(file, 'utf8'));
  if (p.length > 0) {
    failed++;
    p.forEach((x) => console.error(`${file}:${x}`));
  } else {
    console.log(`check-ps1: ${file} parses with no error node`);
  }
}
process.exit(failed > 0 ? 1 : 0);
