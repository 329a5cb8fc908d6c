//! COD accounts: balance and transfer.

use crate::{address, runtime, AccountId};
use subxt::transactions::StaticPayload;

/// Move `amount` planck of COD to `to`, keeping the signer above the existential deposit.
pub fn transfer(
	to: &AccountId,
	amount: u128,
) -> StaticPayload<runtime::balances::calls::TransferKeepAlive> {
	runtime::tx().balances().transfer_keep_alive(address(to), amount)
}

/// Move `amount` planck even if the signer's account then falls below the existential deposit
/// and is removed.
pub fn transfer_allow_death(
	to: &AccountId,
	amount: u128,
) -> StaticPayload<runtime::balances::calls::TransferAllowDeath> {
	runtime::tx().balances().transfer_allow_death(address(to), amount)
}
