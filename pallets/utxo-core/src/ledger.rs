//! The ledger engine: the storage mechanics every UTXO coin ledger of Codchain shares, written
//! once over [`LedgerStorage`], a small trait each pallet implements over its own storage.
//!
//! A pour goes in two steps so that a pallet can add its own checks between them and still
//! change nothing when any check fails: [`Ledger::check`] reads (the pour rules, and whether
//! the pourer can pay the storage deposits of what it creates), [`Ledger::apply`] writes
//! (inputs removed with their deposits back to whoever paid them, escrow credited, outputs
//! created with deposits from the pourer, balances and indices kept).
//!
//! Moves by amount, which the trade market needs, are built on the same two steps:
//! [`Ledger::lock`] (into escrow, change back), [`Ledger::unlock`] (out of escrow as a new
//! coin) and [`Ledger::transfer`] (to another holder, change back). Their inputs are the coins
//! the caller names, or else the holder's coins in storage order; naming them is the remedy
//! when a stranger's dust coins come first.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use scale_info::TypeInfo;
use sp_arithmetic::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

use crate::{
	coin_id, select_coins, validate_pour, CoinAmount, CoinId, CoinView, LedgerError, Limits,
	Output, Pour,
};

/// Number of a pour; numbered from 0 per ledger, never reused.
pub type PourId = u64;

/// A live coin as a ledger stores it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct CoinDetails<AccountId, A, Deposit> {
	/// The pour that created it.
	pub pour_id: PourId,
	/// Whose coin it is.
	pub issuer: AccountId,
	/// Who may spend it.
	pub holder: AccountId,
	/// Never zero.
	pub amount: A,
	/// Who paid the storage deposit, and gets it back when the coin is spent.
	pub depositor: AccountId,
	/// The COD held from `depositor` while the coin lives.
	pub deposit: Deposit,
}

/// A stored coin of ledger `S`.
pub type CoinOf<S> = CoinDetails<
	<S as LedgerStorage>::AccountId,
	<S as LedgerStorage>::Amount,
	<S as LedgerStorage>::Deposit,
>;

/// An output of ledger `S`.
pub type OutputOf<S> = Output<<S as LedgerStorage>::AccountId, <S as LedgerStorage>::Amount>;

/// The storage a ledger keeps, as the engine sees it. Every function is a plain read or write
/// of the implementing pallet's own storage: the rules live in the engine.
pub trait LedgerStorage {
	type AccountId: Clone + Ord + Debug;
	type Amount: CoinAmount;
	/// The COD amount of storage deposits.
	type Deposit: Copy + Zero + Saturating + Ord + Debug;

	/// Domain of the ledger's coin ids, so two ledgers never share one.
	const DOMAIN: &'static [u8];

	/// Most inputs and outputs of a pour.
	fn limits() -> Limits;
	/// A live coin.
	fn coin(id: &CoinId) -> Option<CoinOf<Self>>;
	/// Stores a coin and indexes it under its holder and its issuer.
	fn insert_coin(id: &CoinId, coin: &CoinOf<Self>);
	/// Removes a coin and its index entries.
	fn remove_coin(id: &CoinId, coin: &CoinOf<Self>);
	/// Ids of `holder`'s coins of `issuer`, in storage order (read lazily).
	fn coins_held(
		holder: &Self::AccountId,
		issuer: &Self::AccountId,
	) -> impl Iterator<Item = CoinId>;
	/// What `holder` holds of `issuer`'s coin, summed over its live coins.
	fn balance(holder: &Self::AccountId, issuer: &Self::AccountId) -> Self::Amount;
	/// Stores a balance; zero removes the entry.
	fn set_balance(holder: &Self::AccountId, issuer: &Self::AccountId, amount: Self::Amount);
	/// What `owner` has in market escrow of `issuer`'s coin.
	fn escrow(issuer: &Self::AccountId, owner: &Self::AccountId) -> Self::Amount;
	/// Stores an escrow; zero removes the entry.
	fn set_escrow(issuer: &Self::AccountId, owner: &Self::AccountId, amount: Self::Amount);
	/// What all owners have in escrow of `issuer`'s coin.
	fn escrow_total(issuer: &Self::AccountId) -> Self::Amount;
	/// Stores an escrow total; zero removes the entry.
	fn set_escrow_total(issuer: &Self::AccountId, amount: Self::Amount);
	/// The id the next pour gets.
	fn next_pour_id() -> PourId;
	fn set_next_pour_id(id: PourId);
	/// COD held per live coin.
	fn coin_deposit() -> Self::Deposit;
	/// Holds a deposit; `InsufficientDeposit` when `who` cannot pay it.
	fn hold(who: &Self::AccountId, amount: Self::Deposit) -> Result<(), LedgerError>;
	/// Gives a deposit back (best effort: a partly slashed hold returns what is left).
	fn release(who: &Self::AccountId, amount: Self::Deposit);
	/// COD `who` can put on hold without being reaped.
	fn free_for_deposits(who: &Self::AccountId) -> Self::Deposit;
}

/// A pour that passed the rules and the deposit check, ready for [`Ledger::apply`].
pub struct CheckedPour<S: LedgerStorage> {
	pub pourer: S::AccountId,
	pub issuer: S::AccountId,
	/// The inputs as read, in the order given.
	pub inputs: Vec<(CoinId, CoinOf<S>)>,
	pub outputs: Vec<OutputOf<S>>,
	pub minted: S::Amount,
	pub burned: S::Amount,
	/// The part of `burned` that goes into the pourer's market escrow.
	pub escrowed: S::Amount,
	pub sum_inputs: S::Amount,
}

/// What [`Ledger::apply`] did.
pub struct AppliedPour<S: LedgerStorage> {
	pub pour_id: PourId,
	/// Ids of the spent inputs.
	pub inputs: Vec<CoinId>,
	/// The coins created, in output order: (id, holder, amount).
	pub outputs: Vec<(CoinId, S::AccountId, S::Amount)>,
	/// How many accounts other than the pourer got a spent coin's deposit back. Each is a
	/// hold released and an account written, so calls charge for them by this count.
	pub refunded: u32,
}

/// The engine of ledger `S`.
pub struct Ledger<S>(PhantomData<S>);

impl<S: LedgerStorage> Ledger<S> {
	/// Checks `pour` against the rules, that `escrowed` is part of what it burns, and that the
	/// pourer can pay the deposit of every output plus `extra_deposits` more (e.g. a booking),
	/// counting the deposits of inputs it paid itself, which come back in the same pour.
	/// Reads only.
	///
	/// Errors: the pour rules' ([`validate_pour`]), `Overflow`, `InsufficientDeposit`.
	pub fn check(
		pour: &Pour<'_, S::AccountId, S::Amount>,
		escrowed: S::Amount,
		extra_deposits: u32,
	) -> Result<CheckedPour<S>, LedgerError> {
		// Each input is read from storage once; validation and the deposit check share it.
		let stored: Vec<(CoinId, Option<CoinOf<S>>)> =
			pour.inputs.iter().map(|id| (*id, S::coin(id))).collect();
		let valid = validate_pour(pour, S::limits(), |id| {
			stored.iter().find(|(i, _)| i == id).and_then(|(_, c)| c.as_ref()).map(|c| CoinView {
				issuer: c.issuer.clone(),
				holder: c.holder.clone(),
				amount: c.amount,
			})
		})?;
		if escrowed > pour.burned {
			return Err(LedgerError::Unbalanced);
		}
		let inputs: Vec<(CoinId, CoinOf<S>)> =
			stored.into_iter().filter_map(|(id, c)| c.map(|c| (id, c))).collect();
		let count = (pour.outputs.len() as u32).saturating_add(extra_deposits);
		let needed =
			(0..count).fold(S::Deposit::zero(), |acc, _| acc.saturating_add(S::coin_deposit()));
		let refunded = inputs
			.iter()
			.filter(|(_, c)| &c.depositor == pour.pourer)
			.fold(S::Deposit::zero(), |acc, (_, c)| acc.saturating_add(c.deposit));
		if S::free_for_deposits(pour.pourer).saturating_add(refunded) < needed {
			return Err(LedgerError::InsufficientDeposit);
		}
		Ok(CheckedPour {
			pourer: pour.pourer.clone(),
			issuer: pour.issuer.clone(),
			inputs,
			outputs: pour.outputs.to_vec(),
			minted: pour.minted,
			burned: pour.burned,
			escrowed,
			sum_inputs: valid.sum_inputs,
		})
	}

	/// Applies a checked pour: a new pour id, the inputs spent (deposits back to their payers),
	/// `escrowed` credited to the pourer's escrow, the outputs created (deposits held from the
	/// pourer).
	///
	/// Balances and deposits move once per account, not once per coin: every hold or release
	/// and every stored balance is a read and a write of the account's entries, and a transfer
	/// spending a coin the pourer paid for would otherwise release a deposit only to hold it
	/// again for the change.
	///
	/// Errors: `IdsExhausted`, `Overflow`, `InsufficientDeposit` (only if balances changed
	/// since [`Ledger::check`]).
	pub fn apply(p: CheckedPour<S>) -> Result<AppliedPour<S>, LedgerError> {
		let pour_id = Self::take_pour_id()?;
		let mut refunds: Vec<(S::AccountId, S::Deposit)> = Vec::new();
		let mut inputs = Vec::with_capacity(p.inputs.len());
		for (id, coin) in &p.inputs {
			S::remove_coin(id, coin);
			add_to(&mut refunds, &coin.depositor, coin.deposit, |a, b| Some(a.saturating_add(b)))
				.ok_or(LedgerError::Overflow)?;
			inputs.push(*id);
		}
		if !p.escrowed.is_zero() {
			let escrow = S::escrow(&p.issuer, &p.pourer)
				.checked_add(&p.escrowed)
				.ok_or(LedgerError::Overflow)?;
			let total =
				S::escrow_total(&p.issuer).checked_add(&p.escrowed).ok_or(LedgerError::Overflow)?;
			S::set_escrow(&p.issuer, &p.pourer, escrow);
			S::set_escrow_total(&p.issuer, total);
		}
		let deposit = S::coin_deposit();
		let mut credits: Vec<(S::AccountId, S::Amount)> = Vec::new();
		let mut outputs = Vec::with_capacity(p.outputs.len());
		for (index, o) in p.outputs.into_iter().enumerate() {
			let (id, coin) =
				Self::new_coin(pour_id, index as u32, &p.issuer, &o.holder, o.amount, &p.pourer);
			S::insert_coin(&id, &coin);
			add_to(&mut credits, &o.holder, o.amount, |a, b| a.checked_add(&b))
				.ok_or(LedgerError::Overflow)?;
			outputs.push((id, o.holder, o.amount));
		}
		Self::settle_balances(&p.pourer, &p.issuer, p.sum_inputs, !p.inputs.is_empty(), credits)?;
		let needed =
			(0..outputs.len()).fold(S::Deposit::zero(), |acc, _| acc.saturating_add(deposit));
		let refunded = Self::settle_deposits(&p.pourer, needed, refunds)?;
		Ok(AppliedPour { pour_id, inputs, outputs, refunded })
	}

	/// Stores the pour's balances: the pourer's less what its inputs held (rule 3: every input
	/// is its own, of this issuer), every output holder's plus what it receives.
	fn settle_balances(
		pourer: &S::AccountId,
		issuer: &S::AccountId,
		spent: S::Amount,
		any_input: bool,
		mut credits: Vec<(S::AccountId, S::Amount)>,
	) -> Result<(), LedgerError> {
		let own = credits.iter().position(|(who, _)| who == pourer).map(|i| credits.remove(i).1);
		if any_input || own.is_some() {
			// The balance is the sum of the pourer's live coins, so it covers the inputs.
			let left = S::balance(pourer, issuer).checked_sub(&spent).unwrap_or_else(Zero::zero);
			let now =
				left.checked_add(&own.unwrap_or_else(Zero::zero)).ok_or(LedgerError::Overflow)?;
			S::set_balance(pourer, issuer, now);
		}
		for (holder, amount) in credits {
			let now =
				S::balance(&holder, issuer).checked_add(&amount).ok_or(LedgerError::Overflow)?;
			S::set_balance(&holder, issuer, now);
		}
		Ok(())
	}

	/// Holds `needed` from the pourer for the outputs and gives each input's deposit back to
	/// whoever paid it, netting the pourer's own: one hold or release per account. Returns how
	/// many accounts other than the pourer were refunded.
	fn settle_deposits(
		pourer: &S::AccountId,
		needed: S::Deposit,
		mut refunds: Vec<(S::AccountId, S::Deposit)>,
	) -> Result<u32, LedgerError> {
		let own = refunds
			.iter()
			.position(|(who, _)| who == pourer)
			.map(|i| refunds.remove(i).1)
			.unwrap_or_else(Zero::zero);
		let refunded = refunds.len() as u32;
		for (depositor, amount) in refunds {
			S::release(&depositor, amount);
		}
		if needed > own {
			S::hold(pourer, needed.saturating_sub(own))?;
		} else if own > needed {
			S::release(pourer, own.saturating_sub(needed));
		}
		Ok(refunded)
	}

	/// Pays `amount` out of `owner`'s escrow of `issuer`'s coin as a new coin held by `to`,
	/// whose deposit `payer` provides. Returns the pour id and the coin.
	///
	/// Errors: `ZeroAmountOutput`, `InsufficientEscrow`, `IdsExhausted`, `InsufficientDeposit`.
	pub fn unlock(
		issuer: &S::AccountId,
		owner: &S::AccountId,
		to: &S::AccountId,
		amount: S::Amount,
		payer: &S::AccountId,
	) -> Result<(PourId, CoinId), LedgerError> {
		if amount.is_zero() {
			return Err(LedgerError::ZeroAmountOutput);
		}
		let left =
			S::escrow(issuer, owner).checked_sub(&amount).ok_or(LedgerError::InsufficientEscrow)?;
		let total =
			S::escrow_total(issuer).checked_sub(&amount).ok_or(LedgerError::InsufficientEscrow)?;
		let pour_id = Self::take_pour_id()?;
		let coin = Self::create_coin(pour_id, 0, issuer, to, amount, payer)?;
		S::set_escrow(issuer, owner, left);
		S::set_escrow_total(issuer, total);
		Ok((pour_id, coin))
	}

	/// Moves `amount` of `issuer`'s coin from `owner`'s coins into its escrow; change comes back
	/// to `owner` as a new coin. Inputs: the `named` coins, or else `select`'s choice.
	///
	/// Errors: `ZeroAmountOutput`, `select`'s, `check`'s and `apply`'s.
	pub fn lock(
		issuer: &S::AccountId,
		owner: &S::AccountId,
		amount: S::Amount,
		named: &[CoinId],
	) -> Result<AppliedPour<S>, LedgerError> {
		if amount.is_zero() {
			return Err(LedgerError::ZeroAmountOutput);
		}
		let (inputs, total) = Self::select(owner, issuer, amount, named)?;
		let change = total.checked_sub(&amount).ok_or(LedgerError::InsufficientInputs)?;
		let outputs = Self::with_change(owner, None, change);
		let pour = Pour {
			pourer: owner,
			issuer,
			inputs: &inputs,
			outputs: &outputs,
			minted: S::Amount::zero(),
			burned: amount,
		};
		Self::apply(Self::check(&pour, amount, 0)?)
	}

	/// Gives `amount` of `issuer`'s coin from `from` to `to`, change back to `from`. Inputs:
	/// the `named` coins, or else `select`'s choice.
	///
	/// Errors: `ZeroAmountOutput`, `select`'s, `check`'s and `apply`'s.
	pub fn transfer(
		from: &S::AccountId,
		issuer: &S::AccountId,
		to: &S::AccountId,
		amount: S::Amount,
		named: &[CoinId],
	) -> Result<AppliedPour<S>, LedgerError> {
		if amount.is_zero() {
			return Err(LedgerError::ZeroAmountOutput);
		}
		let (inputs, total) = Self::select(from, issuer, amount, named)?;
		let change = total.checked_sub(&amount).ok_or(LedgerError::InsufficientInputs)?;
		let outputs = Self::with_change(from, Some((to.clone(), amount)), change);
		let pour = Pour {
			pourer: from,
			issuer,
			inputs: &inputs,
			outputs: &outputs,
			minted: S::Amount::zero(),
			burned: S::Amount::zero(),
		};
		Self::apply(Self::check(&pour, S::Amount::zero(), 0)?)
	}

	/// The inputs that pay `amount` of `issuer`'s coin for `holder`: the `named` coins if any
	/// (the pour rules then check they are the holder's, of this issuer), else the holder's
	/// coins in storage order, at most `MaxInputs`. Returns them with their sum. Reads only.
	///
	/// Errors: `InsufficientBalance`, `InsufficientInputs` (the named coins hold less),
	/// `UnknownOrSpentInput`, `TooFragmented`, `Overflow`.
	pub fn select(
		holder: &S::AccountId,
		issuer: &S::AccountId,
		amount: S::Amount,
		named: &[CoinId],
	) -> Result<(Vec<CoinId>, S::Amount), LedgerError> {
		if S::balance(holder, issuer) < amount {
			return Err(LedgerError::InsufficientBalance);
		}
		if named.is_empty() {
			let coins =
				S::coins_held(holder, issuer).filter_map(|id| S::coin(&id).map(|c| (id, c.amount)));
			return select_coins(coins, amount, S::limits().max_inputs);
		}
		let (_, total) = Self::sum_of(named)?;
		if total < amount {
			return Err(LedgerError::InsufficientInputs);
		}
		Ok((named.to_vec(), total))
	}

	/// The issuer of the first input and the sum of the inputs, for calls that compute change.
	/// Reads only; the pour validates the inputs properly afterwards.
	///
	/// Errors: `EmptyPour`, `UnknownOrSpentInput`, `Overflow`.
	pub fn sum_of(inputs: &[CoinId]) -> Result<(S::AccountId, S::Amount), LedgerError> {
		let mut issuer = None;
		let mut total = S::Amount::zero();
		for id in inputs {
			let coin = S::coin(id).ok_or(LedgerError::UnknownOrSpentInput)?;
			issuer.get_or_insert(coin.issuer);
			total = total.checked_add(&coin.amount).ok_or(LedgerError::Overflow)?;
		}
		Ok((issuer.ok_or(LedgerError::EmptyPour)?, total))
	}

	/// Outputs `[(to, amount), (holder, change)]`, the change omitted when zero.
	pub fn with_change(
		holder: &S::AccountId,
		to: Option<(S::AccountId, S::Amount)>,
		change: S::Amount,
	) -> Vec<OutputOf<S>> {
		let mut outputs = Vec::with_capacity(2);
		if let Some((to, amount)) = to {
			outputs.push(Output { holder: to, amount });
		}
		if !change.is_zero() {
			outputs.push(Output { holder: holder.clone(), amount: change });
		}
		outputs
	}

	/// Takes the next pour id. Errors: `IdsExhausted`.
	pub fn take_pour_id() -> Result<PourId, LedgerError> {
		let id = S::next_pour_id();
		S::set_next_pour_id(id.checked_add(1).ok_or(LedgerError::IdsExhausted)?);
		Ok(id)
	}

	/// Creates output `index` of pour `pour_id`: stores and indexes it, credits the holder's
	/// balance, holds its deposit from `depositor`.
	///
	/// Errors: `InsufficientDeposit`, `Overflow`.
	pub fn create_coin(
		pour_id: PourId,
		index: u32,
		issuer: &S::AccountId,
		holder: &S::AccountId,
		amount: S::Amount,
		depositor: &S::AccountId,
	) -> Result<CoinId, LedgerError> {
		S::hold(depositor, S::coin_deposit())?;
		let (id, coin) = Self::new_coin(pour_id, index, issuer, holder, amount, depositor);
		Self::insert(&id, &coin)?;
		Ok(id)
	}

	/// Output `index` of pour `pour_id` and its id, its deposit paid by `depositor`; not stored.
	fn new_coin(
		pour_id: PourId,
		index: u32,
		issuer: &S::AccountId,
		holder: &S::AccountId,
		amount: S::Amount,
		depositor: &S::AccountId,
	) -> (CoinId, CoinOf<S>) {
		let coin = CoinDetails {
			pour_id,
			issuer: issuer.clone(),
			holder: holder.clone(),
			amount,
			depositor: depositor.clone(),
			deposit: S::coin_deposit(),
		};
		(coin_id(S::DOMAIN, pour_id, index), coin)
	}

	/// Stores a coin whose deposit is already held (e.g. moved over from an appointment) and
	/// credits its holder's balance. Errors: `Overflow`.
	pub fn insert(id: &CoinId, coin: &CoinOf<S>) -> Result<(), LedgerError> {
		let balance = S::balance(&coin.holder, &coin.issuer)
			.checked_add(&coin.amount)
			.ok_or(LedgerError::Overflow)?;
		S::set_balance(&coin.holder, &coin.issuer, balance);
		S::insert_coin(id, coin);
		Ok(())
	}
}

/// Adds `amount` to `who`'s entry of `entries` (a pour touches at most a few dozen accounts, so
/// a vector beats a map), or starts one; `None` when `add` overflows.
fn add_to<A: PartialEq + Clone, V: Copy>(
	entries: &mut Vec<(A, V)>,
	who: &A,
	amount: V,
	add: impl Fn(V, V) -> Option<V>,
) -> Option<()> {
	match entries.iter_mut().find(|(w, _)| w == who) {
		Some((_, v)) => *v = add(*v, amount)?,
		None => entries.push((who.clone(), amount)),
	}
	Some(())
}

/// What the trade market needs from a coin ledger, keyed by issuer. The runtime's asset router
/// calls this for each coin asset; it never reads a ledger's storage itself.
pub trait CoinLedger<AccountId> {
	/// The ledger's amount (seconds, units).
	type Amount;

	/// Whether `issuer` has a ledger record (its coin can be traded).
	fn is_issuer(issuer: &AccountId) -> bool;

	/// Moves `amount` of `issuer`'s coin from `owner`'s coins into its market escrow, spending
	/// the `coins` named (or, if none, coins chosen in storage order); change comes back.
	/// Returns how many coins it spent, so the caller can refund weight charged for more.
	fn escrow_lock(
		issuer: &AccountId,
		owner: &AccountId,
		amount: Self::Amount,
		coins: &[CoinId],
	) -> Result<u32, frame_support::pallet_prelude::DispatchError>;

	/// Pays `amount` out of `owner`'s escrow as a new coin for `to`; `payer` pays its deposit.
	fn escrow_unlock(
		issuer: &AccountId,
		owner: &AccountId,
		to: &AccountId,
		amount: Self::Amount,
		payer: &AccountId,
	) -> frame_support::dispatch::DispatchResult;

	/// Gives `amount` of `issuer`'s coin from `from` to `to`, spending the `coins` named (or,
	/// if none, coins chosen in storage order); change comes back. Returns how many coins it
	/// spent.
	fn transfer(
		issuer: &AccountId,
		from: &AccountId,
		to: &AccountId,
		amount: Self::Amount,
		coins: &[CoinId],
	) -> Result<u32, frame_support::pallet_prelude::DispatchError>;

	/// What `owner` has in escrow of `issuer`'s coin.
	fn escrowed(issuer: &AccountId, owner: &AccountId) -> Self::Amount;

	/// Every escrow entry as `(issuer, owner, amount)`. Reads them all: for invariant checks
	/// (`try_state`), never for a call.
	fn escrow_entries() -> Vec<(AccountId, AccountId, Self::Amount)>;

	/// How far `issuer`'s supply exceeds its collateral (0 where not applicable).
	fn shortfall(issuer: &AccountId) -> Self::Amount;
}
