//! The timecoin ledger over the shared engine ([`utxo_core::Ledger`]): the engine's storage
//! trait over this pallet's storage items, and the market's [`utxo_core::CoinLedger`] on top.

use crate::{
	pallet::{
		BalanceOf, Coins, Config, Error, Escrow, EscrowTotals, Event, HeldTotals, HoldReason,
		Holdings, Issuers, NextPourId, Pallet,
	},
	types::*,
	COIN_ID_DOMAIN,
};

utxo_core::impl_coin_ledger! {
	amount: Seconds,
	domain: COIN_ID_DOMAIN,
	// Outstanding seconds never exceed the issuer's declared capacity.
	shortfall: |_issuer| 0,
}
