//! The codcoin ledger over the shared engine ([`utxo_core::Ledger`]): the engine's storage
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
	amount: Units,
	domain: COIN_ID_DOMAIN,
	// A buyer sees on the market that a coin is under-collateralised.
	shortfall: |issuer| Pallet::<T>::shortfall(issuer),
}
