//! An in-memory [`LedgerStorage`] for the engine's own tests: maps in a thread-local, so every
//! test thread has its own ledger. Accounts are `u8`, amounts `u64`, deposits `u64`.

use alloc::collections::BTreeMap;
use core::cell::RefCell;

use crate::{CoinId, CoinOf, LedgerError, LedgerStorage, Limits, PourId};

#[derive(Default)]
pub struct State {
	pub coins: BTreeMap<CoinId, CoinOf<Memory>>,
	pub held_by: BTreeMap<(u8, u8, CoinId), ()>,
	pub by_issuer: BTreeMap<(u8, CoinId), ()>,
	pub balances: BTreeMap<(u8, u8), u64>,
	pub escrow: BTreeMap<(u8, u8), u64>,
	pub escrow_total: BTreeMap<u8, u64>,
	pub next_pour: PourId,
	/// Free COD per account.
	pub free: BTreeMap<u8, u64>,
	/// COD held per account.
	pub held: BTreeMap<u8, u64>,
	/// Every hold and release, in order: (account, amount, whether held).
	pub moves: alloc::vec::Vec<(u8, u64, bool)>,
}

std::thread_local! {
	pub static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Runs `f` on the state.
pub fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
	STATE.with(|s| f(&mut s.borrow_mut()))
}

/// Starts a fresh ledger in which every account in `funded` has `free` COD.
pub fn reset(funded: &[u8], free: u64) {
	with(|s| {
		*s = State::default();
		for who in funded {
			s.free.insert(*who, free);
		}
	});
}

/// The ledger of the tests: deposit 10 per coin, at most 4 inputs and 4 outputs.
pub struct Memory;

pub const DEPOSIT: u64 = 10;

impl LedgerStorage for Memory {
	type AccountId = u8;
	type Amount = u64;
	type Deposit = u64;

	const DOMAIN: &'static [u8] = b"memory";

	fn limits() -> Limits {
		Limits { max_inputs: 4, max_outputs: 4 }
	}
	fn coin(id: &CoinId) -> Option<CoinOf<Self>> {
		with(|s| s.coins.get(id).cloned())
	}
	fn insert_coin(id: &CoinId, coin: &CoinOf<Self>) {
		with(|s| {
			s.held_by.insert((coin.holder, coin.issuer, *id), ());
			s.by_issuer.insert((coin.issuer, *id), ());
			s.coins.insert(*id, coin.clone());
		})
	}
	fn remove_coin(id: &CoinId, coin: &CoinOf<Self>) {
		with(|s| {
			s.held_by.remove(&(coin.holder, coin.issuer, *id));
			s.by_issuer.remove(&(coin.issuer, *id));
			s.coins.remove(id);
		})
	}
	fn coins_held(holder: &u8, issuer: &u8) -> impl Iterator<Item = CoinId> {
		let ids: alloc::vec::Vec<CoinId> = with(|s| {
			s.held_by
				.keys()
				.filter(|(h, i, _)| h == holder && i == issuer)
				.map(|(_, _, id)| *id)
				.collect()
		});
		ids.into_iter()
	}
	fn balance(holder: &u8, issuer: &u8) -> u64 {
		with(|s| s.balances.get(&(*holder, *issuer)).copied().unwrap_or(0))
	}
	fn set_balance(holder: &u8, issuer: &u8, amount: u64) {
		with(|s| match amount {
			0 => s.balances.remove(&(*holder, *issuer)),
			a => s.balances.insert((*holder, *issuer), a),
		});
	}
	fn escrow(issuer: &u8, owner: &u8) -> u64 {
		with(|s| s.escrow.get(&(*issuer, *owner)).copied().unwrap_or(0))
	}
	fn set_escrow(issuer: &u8, owner: &u8, amount: u64) {
		with(|s| match amount {
			0 => s.escrow.remove(&(*issuer, *owner)),
			a => s.escrow.insert((*issuer, *owner), a),
		});
	}
	fn escrow_total(issuer: &u8) -> u64 {
		with(|s| s.escrow_total.get(issuer).copied().unwrap_or(0))
	}
	fn set_escrow_total(issuer: &u8, amount: u64) {
		with(|s| match amount {
			0 => s.escrow_total.remove(issuer),
			a => s.escrow_total.insert(*issuer, a),
		});
	}
	fn next_pour_id() -> PourId {
		with(|s| s.next_pour)
	}
	fn set_next_pour_id(id: PourId) {
		with(|s| s.next_pour = id)
	}
	fn coin_deposit() -> u64 {
		DEPOSIT
	}
	fn hold(who: &u8, amount: u64) -> Result<(), LedgerError> {
		with(|s| {
			s.moves.push((*who, amount, true));
			let free = s.free.entry(*who).or_default();
			*free = free.checked_sub(amount).ok_or(LedgerError::InsufficientDeposit)?;
			*s.held.entry(*who).or_default() += amount;
			Ok(())
		})
	}
	fn release(who: &u8, amount: u64) {
		with(|s| {
			s.moves.push((*who, amount, false));
			let held = s.held.entry(*who).or_default();
			let back = amount.min(*held);
			*held -= back;
			*s.free.entry(*who).or_default() += back;
		})
	}
	fn free_for_deposits(who: &u8) -> u64 {
		with(|s| s.free.get(who).copied().unwrap_or(0))
	}
}
