// Sends a transaction with @polkadot/api and waits until it is in a finalized block.

/**
 * Signs `tx` with `signer`, submits it and resolves with `{ blockHash, events }` once finalized.
 * Rejects with the decoded module error (`section.Name`) when the call fails.
 */
export function sendAndFinalize(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, (result) => {
      const { status, events, dispatchError } = result;
      if (dispatchError) {
        if (unsub) unsub();
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
        return;
      }
      if (status.isFinalized) {
        if (unsub) unsub();
        resolve({ blockHash: status.asFinalized, events });
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** The data of the first `section.method` event, or undefined. */
export function findEvent(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  return found ? found.event.data : undefined;
}
