// Load a GraphML and a GEXF file with graphology (the reader behind sigma.js) as a
// multigraph, and print their node and edge counts as JSON. Used by test_xml_schemas.py.
const fs = require("fs");
const {MultiDirectedGraph} = require("graphology");
const graphml = require("graphology-graphml");
const gexf = require("graphology-gexf");

const [graphmlPath, gexfPath] = process.argv.slice(2);
const fromGraphml = graphml.parse(MultiDirectedGraph, fs.readFileSync(graphmlPath, "utf-8"));
const fromGexf = gexf.parse(MultiDirectedGraph, fs.readFileSync(gexfPath, "utf-8"));
console.log(JSON.stringify({graphml: [fromGraphml.order, fromGraphml.size],
                            gexf: [fromGexf.order, fromGexf.size]}));
