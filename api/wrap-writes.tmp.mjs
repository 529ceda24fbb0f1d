import ts from 'typescript'
import fs from 'node:fs'
// Wraps `await <db>.insert|update|delete(...)...` outside a transaction() argument in transaction(<db>, async (tx) => tx....)
const [, , ...files] = process.argv
for (const f of files) {
  let text = fs.readFileSync(f, 'utf8')
  const src = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true)
  const edits = []
  const rootOf = (e) => { // walk down call/property chain to root object of `.insert(` etc.
    let cur = e
    while (true) {
      if (ts.isCallExpression(cur)) { 
        if (ts.isPropertyAccessExpression(cur.expression) && ['insert','update','delete'].includes(cur.expression.name.text) && cur.arguments.length === 1) {
          const obj = cur.expression.expression
          if (ts.isIdentifier(obj) && /db$/i.test(obj.text) || ts.isPropertyAccessExpression(obj) && obj.name.text === 'db') return obj
          return null
        }
        cur = cur.expression; continue }
      if (ts.isPropertyAccessExpression(cur)) { cur = cur.expression; continue }
      return null
    }
  }
  const visit = (node, inTx) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'transaction') { node.arguments.forEach((a) => visit(a, true)); return }
    if (!inTx && ts.isAwaitExpression(node)) {
      const root = rootOf(node.expression)
      if (root) {
        const dbText = root.getText()
        const exprStart = node.expression.getStart(), exprEnd = node.expression.getEnd()
        edits.push({ start: exprStart, end: exprEnd, text: `transaction(${dbText}, async (tx) => tx${text.slice(root.getEnd(), exprEnd)})` })
        return
      }
    }
    ts.forEachChild(node, (c) => visit(c, inTx))
  }
  visit(src, false)
  if (!edits.length) continue
  edits.sort((a, b) => b.start - a.start)
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end)
  fs.writeFileSync(f, text)
  console.log(f, edits.length)
}
