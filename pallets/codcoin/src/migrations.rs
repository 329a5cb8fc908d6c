//! Storage migrations of the codcoin ledger: v0 → v1 ([`MigrateV0ToV1`]) builds the engine's
//! stored balances and escrow totals from the coins and escrow already there (see
//! [`utxo_core::ledger_migration_v1`]); v1 → v2 ([`MigrateV1ToV2`]) replaces the holder and
//! issuer indices with one coin index keyed by (issuer, holder) (see
//! [`utxo_core::ledger_migration_v2`]). Stored coins keep their layout.

use crate::pallet::{Coins, Config, Escrow, EscrowTotals, HeldTotals, Holdings, Pallet};

utxo_core::ledger_migration_v1!();
utxo_core::ledger_migration_v2!();
