// zombienet js-script: returns best block number minus finalized block number on `nodeName`.
async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  await api.disconnect();
  console.log(`${nodeName}: best ${best}, finalized ${finalized}, lag ${best - finalized}`);
  return best - finalized;
}

module.exports = { run };
