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
          reject(new Error(moduleErrorName(api, dispatchError.asModule)));
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

/**
 * `section.Name` of a module error, or `section.Name.Inner` when the error nests another (as
 * the coin pallets' `Ledger(LedgerError)` does): the inner variant is the error's second byte.
 */
export function moduleErrorName(api, asModule) {
  const { section, name } = api.registry.findMetaError(asModule);
  const bytes = asModule.error.toU8a();
  const pallet = api.registry.metadata.pallets.find((p) => p.index.eq(asModule.index));
  const lookup = api.registry.lookup;
  const outer = lookup.getSiType(pallet.errors.unwrap().type).def.asVariant.variants
    .find((v) => v.index.toNumber() === bytes[0]);
  if (outer && outer.fields.length === 1) {
    const inner = lookup.getSiType(outer.fields[0].type).def;
    if (inner.isVariant) {
      const variant = inner.asVariant.variants.find((v) => v.index.toNumber() === bytes[1]);
      if (variant) return `${section}.${name}.${variant.name.toString()}`;
    }
  }
  return `${section}.${name}`;
}

/** The data of the first `section.method` event, or undefined. */
export function findEvent(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  return found ? found.event.data : undefined;
}
