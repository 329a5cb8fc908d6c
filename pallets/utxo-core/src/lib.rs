//! # UTXO core
//!
//! The ledger Codchain's coin pallets share, written once: a **pour** (seed term 铸币,
//! "minting record") consumes coins of one issuer and creates new coins of the same issuer.
//! Timecoin (`pallet-timecoin`, amounts in seconds) and codcoin (`pallet-codcoin`, `u128`
//! amounts) are both this ledger with different rules about who may mint and what a pour may
//! burn.
//!
//! Two layers:
//!
//! - **The rules** ([`validate_pour`]), pure functions over a read-only view of the coins.
//! - **The engine** ([`Ledger`]), the storage mechanics around them — spending inputs and
//!   refunding their deposits to whoever paid them, creating outputs, stored balances and
//!   escrow totals, indices, moves by amount for the market — over [`LedgerStorage`], a small
//!   trait each pallet implements over its own storage items (the glue is generated once, by
//!   [`impl_coin_ledger!`]). The engine's own tests run on an in-memory implementation.
//!
//! Each pallet keeps its own calls, events, storage and extra rules (timecoin books
//! appointments and declares capacity; codcoin checks collateral); errors of the rules and the
//! engine are one [`LedgerError`] that pallets nest in their own.
//!
//! ## The rules ([`validate_pour`])
//!
//! 1. inputs and outputs are coins of one issuer ([`LedgerError::MixedIssuers`]);
//! 2. every input exists and is unspent ([`LedgerError::UnknownOrSpentInput`]);
//! 3. every input is held by the pourer ([`LedgerError::NotHolder`]);
//! 4. only the issuer may mint (timecoin: add `time`) ([`LedgerError::MintByNonIssuer`]);
//! 5. conservation: `sum(outputs) + burned == sum(inputs) + minted`, without overflow
//!    ([`LedgerError::Unbalanced`], [`LedgerError::Overflow`]);
//!
//! plus: no zero-amount output, no duplicated input, at least one input or a mint, bounded
//! numbers of inputs and outputs. The checks run in this order and the first broken rule is
//! reported, so a caller gets one precise error.
//!
//! Coin ids are derived from the pour id and the output index ([`coin_id`]): unique by
//! construction as long as the caller never reuses a pour id, and never reused after a spend.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod error;
mod id;
mod ledger;
#[cfg(test)]
mod ledger_tests;
mod macros;
#[cfg(test)]
pub mod memory;
mod pour;
mod select;
#[cfg(test)]
mod tests;
mod weight;

pub use error::LedgerError;
pub use id::{coin_id, CoinId};
pub use ledger::{
	AppliedPour, CheckedPour, CoinDetails, CoinLedger, CoinOf, Ledger, LedgerStorage, OutputOf,
	PourId,
};
pub use pour::{validate_pour, CoinAmount, CoinView, Limits, Output, Pour, ValidPour};
pub use select::select_coins;
pub use weight::{spend_weight, spend_weight_limit};
