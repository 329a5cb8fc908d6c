//! # UTXO core
//!
//! The ledger logic that Codchain's coin pallets share, written once and free of storage: a
//! **pour** (seed term 铸币, "minting record") consumes coins of one issuer and creates new coins
//! of the same issuer. Timecoin (`pallet-timecoin`, amounts in seconds) and codcoin
//! (`pallet-codcoin`, `u128` amounts) are both this ledger with different rules about who may
//! mint and what a pour may burn.
//!
//! ## Why a library crate and not an instantiable pallet
//!
//! The two ledgers agree on the *validation* of a pour but differ in everything around it:
//! timecoin books appointments, declares capacity in seconds and tracks no-shows; codcoin checks
//! collateral claims and shortfall. An instantiable pallet would force one storage layout, one set
//! of calls and one event type on both. A pure function that takes the pour and a read-only view
//! of the coin store keeps the rules in one place, is tested without a runtime, and lets each
//! pallet own its storage, deposits and events.
//!
//! ## The rules ([`validate_pour`])
//!
//! 1. inputs and outputs are coins of one issuer ([`PourError::MixedIssuers`]);
//! 2. every input exists and is unspent ([`PourError::UnknownOrSpentInput`]);
//! 3. every input is held by the pourer ([`PourError::NotHolder`]);
//! 4. only the issuer may mint (timecoin: add `time`) ([`PourError::MintByNonIssuer`]);
//! 5. conservation: `sum(outputs) + burned == sum(inputs) + minted`, without overflow
//!    ([`PourError::Unbalanced`], [`PourError::Overflow`]);
//!
//! plus: no zero-amount output, no duplicated input, at least one input or a mint, bounded
//! numbers of inputs and outputs. The checks run in this order and the first broken rule is
//! reported, so a caller gets one precise error.
//!
//! [`select_coins`] picks the coins that pay an amount, for the market, which moves value by
//! amount; it reads a bounded number of coins.
//!
//! Coin ids are derived from the pour id and the output index ([`coin_id`]): unique by
//! construction as long as the caller never reuses a pour id, and never reused after a spend.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod id;
mod pour;
mod select;
#[cfg(test)]
mod tests;

pub use id::{coin_id, CoinId};
pub use pour::{validate_pour, Amount, CoinView, Limits, Output, Pour, PourError, ValidPour};
pub use select::{select_coins, SelectError};
