//! Storage migrations of the codcoin ledger: v0 → v1 ([`MigrateV0ToV1`]) builds the engine's
//! stored balances, issuer index and escrow totals from the coins and escrow already there
//! (see [`utxo_core::ledger_migration_v1`]). Stored coins keep their layout.

use crate::pallet::{Coins, Config, Escrow, EscrowTotals, HeldTotals, IssuedCoins, Pallet};

utxo_core::ledger_migration_v1!();
