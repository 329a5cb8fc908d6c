//! The glue between a coin pallet and the engine, generated once for every ledger pallet.

/// Implements the engine's [`LedgerStorage`](crate::LedgerStorage) over a pallet's storage,
/// and the market's [`CoinLedger`](crate::CoinLedger) over the engine, for a ledger pallet.
///
/// Invoke it in a module of the pallet crate where these are in scope (e.g. with
/// `use crate::pallet::*`): the storage items `Coins`, `Holdings`, `HeldTotals`,
/// `Escrow`, `EscrowTotals`, `NextPourId`, `Issuers`; the types `Config`, `Pallet`, `Error`
/// (with `From<LedgerError>`), `Event` (with `Poured` and `EscrowReleased`), `HoldReason` (with
/// `CoinDeposit`), `BalanceOf`, `CoinId` (`H256`); and the config items `MaxInputs`,
/// `MaxOutputs`, `CoinDeposit`, `Currency`. It defines `Store<T>`, the engine over the pallet
/// `PalletLedger<T>`, `raw_ids` and `Pallet::deposit_poured`.
#[macro_export]
macro_rules! impl_coin_ledger {
	(
		amount: $amount:ty,
		domain: $domain:expr,
		shortfall: |$issuer:ident| $shortfall:expr $(,)?
	) => {
		/// This pallet's storage as the ledger engine sees it.
		pub struct Store<T>(core::marker::PhantomData<T>);

		/// The ledger engine over this pallet's storage.
		pub type PalletLedger<T> = $crate::Ledger<Store<T>>;

		impl<T: Config> $crate::LedgerStorage for Store<T> {
			type AccountId = T::AccountId;
			type Amount = $amount;
			type Deposit = BalanceOf<T>;

			const DOMAIN: &'static [u8] = $domain;

			fn limits() -> $crate::Limits {
				use frame_support::traits::Get;
				$crate::Limits {
					max_inputs: T::MaxInputs::get(),
					max_outputs: T::MaxOutputs::get(),
				}
			}
			fn coin(id: &[u8; 32]) -> Option<$crate::CoinOf<Self>> {
				Coins::<T>::get(CoinId::from(*id))
			}
			fn insert_coin(id: &[u8; 32], coin: &$crate::CoinOf<Self>) {
				let id = CoinId::from(*id);
				Holdings::<T>::insert((&coin.issuer, &coin.holder, id), ());
				Coins::<T>::insert(id, coin);
			}
			fn remove_coin(id: &[u8; 32], coin: &$crate::CoinOf<Self>) {
				let id = CoinId::from(*id);
				Holdings::<T>::remove((&coin.issuer, &coin.holder, id));
				Coins::<T>::remove(id);
			}
			fn coins_held(
				holder: &T::AccountId,
				issuer: &T::AccountId,
			) -> impl Iterator<Item = [u8; 32]> {
				Holdings::<T>::iter_key_prefix((issuer, holder)).map(|id| id.0)
			}
			fn balance(holder: &T::AccountId, issuer: &T::AccountId) -> $amount {
				HeldTotals::<T>::get(holder, issuer)
			}
			fn set_balance(holder: &T::AccountId, issuer: &T::AccountId, amount: $amount) {
				if amount == 0 {
					HeldTotals::<T>::remove(holder, issuer)
				} else {
					HeldTotals::<T>::insert(holder, issuer, amount)
				}
			}
			fn escrow(issuer: &T::AccountId, owner: &T::AccountId) -> $amount {
				Escrow::<T>::get(issuer, owner)
			}
			fn set_escrow(issuer: &T::AccountId, owner: &T::AccountId, amount: $amount) {
				if amount == 0 {
					Escrow::<T>::remove(issuer, owner)
				} else {
					Escrow::<T>::insert(issuer, owner, amount)
				}
			}
			fn escrow_total(issuer: &T::AccountId) -> $amount {
				EscrowTotals::<T>::get(issuer)
			}
			fn set_escrow_total(issuer: &T::AccountId, amount: $amount) {
				if amount == 0 {
					EscrowTotals::<T>::remove(issuer)
				} else {
					EscrowTotals::<T>::insert(issuer, amount)
				}
			}
			fn next_pour_id() -> $crate::PourId {
				NextPourId::<T>::get()
			}
			fn set_next_pour_id(id: $crate::PourId) {
				NextPourId::<T>::put(id)
			}
			fn coin_deposit() -> BalanceOf<T> {
				use frame_support::traits::Get;
				T::CoinDeposit::get()
			}
			fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> Result<(), $crate::LedgerError> {
				codchain_support::deposit::hold::<_, T::Currency>(
					&HoldReason::CoinDeposit.into(),
					who,
					amount,
				)
				.map_err(|_| $crate::LedgerError::InsufficientDeposit)
			}
			fn release(who: &T::AccountId, amount: BalanceOf<T>) {
				// Best effort by design (see `deposit::release`); it cannot fail otherwise.
				let _ = codchain_support::deposit::release::<_, T::Currency>(
					&HoldReason::CoinDeposit.into(),
					who,
					amount,
				);
			}
			fn free_for_deposits(who: &T::AccountId) -> BalanceOf<T> {
				use frame_support::traits::{
					fungible::Inspect,
					tokens::{Fortitude, Preservation},
				};
				T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
			}
		}

		/// Coin ids as the engine takes them.
		pub(crate) fn raw_ids(coins: &[CoinId]) -> alloc::vec::Vec<[u8; 32]> {
			coins.iter().map(|c| c.0).collect()
		}

		impl<T: Config> Pallet<T> {
			/// Emits `Poured` for a pour the engine applied.
			pub(crate) fn deposit_poured(
				pourer: &T::AccountId,
				issuer: &T::AccountId,
				a: $crate::AppliedPour<Store<T>>,
				minted: $amount,
				burned: $amount,
				escrowed: $amount,
			) {
				let inputs: alloc::vec::Vec<CoinId> =
					a.inputs.into_iter().map(CoinId::from).collect();
				let outputs: alloc::vec::Vec<_> = a
					.outputs
					.into_iter()
					.map(|(id, holder, amount)| (CoinId::from(id), holder, amount))
					.collect();
				Self::deposit_event(Event::Poured {
					pour_id: a.pour_id,
					pourer: pourer.clone(),
					issuer: issuer.clone(),
					inputs: frame_support::BoundedVec::truncate_from(inputs),
					outputs: frame_support::BoundedVec::truncate_from(outputs),
					minted,
					burned,
					escrowed,
				});
			}
		}

		/// What the ledger's storage implies, for the pallet's `try_state`.
		pub(crate) struct LedgerTotals<T: Config> {
			/// Per issuer: live coins plus escrow.
			pub owed: alloc::collections::BTreeMap<T::AccountId, u128>,
			/// Per account: the deposits of the coins it paid for.
			pub coin_deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>>,
		}

		impl<T: Config> Pallet<T> {
			/// The ledger's invariants: no coin of zero; coins and the coin index agree entry
			/// for entry; each stored balance is the sum of the holder's coins of
			/// that issuer and each escrow total the sum of the issuer's escrow; pour ids come
			/// from the counter. Returns what the coins and escrow imply, for the pallet's own
			/// checks.
			pub(crate) fn ledger_try_state() -> Result<LedgerTotals<T>, &'static str> {
				use alloc::collections::BTreeMap;
				use sp_runtime::Saturating;
				let mut owed: BTreeMap<T::AccountId, u128> = BTreeMap::new();
				let mut coin_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
				let mut balances: BTreeMap<(T::AccountId, T::AccountId), u128> = BTreeMap::new();
				let next_pour = NextPourId::<T>::get();
				let mut coins = 0usize;
				for (id, coin) in Coins::<T>::iter() {
					coins += 1;
					let ok = |c: bool, what: &'static str| if c { Ok(()) } else { Err(what) };
					ok(coin.amount > 0, "a live coin of zero")?;
					ok(coin.pour_id < next_pour, "a coin of a pour from the future")?;
					ok(
						Holdings::<T>::contains_key((&coin.issuer, &coin.holder, id)),
						"a coin missing from the coin index",
					)?;
					let amount = u128::from(coin.amount);
					let b = balances.entry((coin.holder.clone(), coin.issuer.clone())).or_default();
					*b = b.checked_add(amount).ok_or("coin sums overflow")?;
					let o = owed.entry(coin.issuer.clone()).or_default();
					*o = o.checked_add(amount).ok_or("coin sums overflow")?;
					let d = coin_deposits
						.entry(coin.depositor.clone())
						.or_insert_with(Default::default);
					*d = d.saturating_add(coin.deposit);
				}
				if Holdings::<T>::iter_keys().count() != coins {
					return Err("a stale coin index entry");
				}
				for (holder, issuer, balance) in HeldTotals::<T>::iter() {
					let sum = balances.remove(&(holder, issuer)).unwrap_or(0);
					if balance == 0 || u128::from(balance) != sum {
						return Err("a stored balance != the sum of the coins");
					}
				}
				if !balances.is_empty() {
					return Err("coins missing from the stored balances");
				}
				let mut totals: BTreeMap<T::AccountId, u128> = BTreeMap::new();
				for (issuer, _owner, amount) in Escrow::<T>::iter() {
					if amount == 0 {
						return Err("an empty escrow entry");
					}
					let o = owed.entry(issuer.clone()).or_default();
					*o = o.checked_add(u128::from(amount)).ok_or("escrow sums overflow")?;
					let t = totals.entry(issuer).or_default();
					*t = t.checked_add(u128::from(amount)).ok_or("escrow sums overflow")?;
				}
				for (issuer, total) in EscrowTotals::<T>::iter() {
					if total == 0 || totals.remove(&issuer) != Some(u128::from(total)) {
						return Err("an escrow total != the sum of the escrow");
					}
				}
				if !totals.is_empty() {
					return Err("escrow missing from the escrow totals");
				}
				Ok(LedgerTotals { owed, coin_deposits })
			}
		}

		impl<T: Config> $crate::CoinLedger<T::AccountId> for Pallet<T> {
			type Amount = $amount;

			fn is_issuer(issuer: &T::AccountId) -> bool {
				Issuers::<T>::contains_key(issuer)
			}

			fn escrow_lock(
				issuer: &T::AccountId,
				owner: &T::AccountId,
				amount: $amount,
				coins: &[[u8; 32]],
			) -> Result<u32, frame_support::pallet_prelude::DispatchError> {
				let applied = PalletLedger::<T>::lock(issuer, owner, amount, coins)
					.map_err(Error::<T>::from)?;
				let spent = applied.inputs.len() as u32;
				Self::deposit_poured(owner, issuer, applied, 0, amount, amount);
				Ok(spent)
			}

			fn escrow_unlock(
				issuer: &T::AccountId,
				owner: &T::AccountId,
				to: &T::AccountId,
				amount: $amount,
				payer: &T::AccountId,
			) -> frame_support::dispatch::DispatchResult {
				let (_, coin) = PalletLedger::<T>::unlock(issuer, owner, to, amount, payer)
					.map_err(Error::<T>::from)?;
				Self::deposit_event(Event::EscrowReleased {
					issuer: issuer.clone(),
					owner: owner.clone(),
					to: to.clone(),
					coin: CoinId::from(coin),
					amount,
				});
				Ok(())
			}

			fn transfer(
				issuer: &T::AccountId,
				from: &T::AccountId,
				to: &T::AccountId,
				amount: $amount,
				coins: &[[u8; 32]],
			) -> Result<u32, frame_support::pallet_prelude::DispatchError> {
				let applied = PalletLedger::<T>::transfer(from, issuer, to, amount, coins)
					.map_err(Error::<T>::from)?;
				let spent = applied.inputs.len() as u32;
				Self::deposit_poured(from, issuer, applied, 0, 0, 0);
				Ok(spent)
			}

			fn escrowed(issuer: &T::AccountId, owner: &T::AccountId) -> $amount {
				Escrow::<T>::get(issuer, owner)
			}

			fn escrow_entries() -> alloc::vec::Vec<(T::AccountId, T::AccountId, $amount)> {
				Escrow::<T>::iter().collect()
			}

			fn shortfall($issuer: &T::AccountId) -> $amount {
				$shortfall
			}
		}
	};
}

/// The coin queries of a ledger pallet: coins by holder and by issuer, paged with cursors that
/// keep their place when the coin they name is spent, stored balances by holder, a coin by id.
///
/// Invoke it where `Coins`, `Holdings`, `HeldTotals`, `Config`, `Pallet`, `CoinId`, `CoinInfo`
/// and `HoldingInfo` are in scope; `max_page` caps every page.
#[macro_export]
macro_rules! impl_coin_queries {
	(amount: $amount:ty, max_page: $max_page:expr $(,)?) => {
		impl<T: Config> Pallet<T> {
			/// Coins held by `holder`, ordered by issuer then coin id, after `start_after` = (issuer,
			/// coin id) of the last coin of the previous page (exclusive; the coin may be spent since),
			/// at most `limit`.
			pub fn coins_of(
				holder: T::AccountId,
				start_after: Option<(T::AccountId, CoinId)>,
				limit: u32,
			) -> alloc::vec::Vec<CoinInfo<T::AccountId>> {
				let limit = limit.min($max_page) as usize;
				// The coin index is keyed by issuer first; the holder's issuers are those of its
				// stored balances, each with at least one coin. The cursor's keys are computed,
				// not looked up: a spent coin, or an issuer no longer held, still marks the place.
				let issuers: alloc::vec::Vec<T::AccountId> = match &start_after {
					Some((issuer, _)) => core::iter::once(issuer.clone())
						.chain(HeldTotals::<T>::iter_key_prefix_from(
							&holder,
							HeldTotals::<T>::hashed_key_for(&holder, issuer),
						))
						.take(limit.saturating_add(1))
						.collect(),
					None => HeldTotals::<T>::iter_key_prefix(&holder).take(limit).collect(),
				};
				let mut coins = alloc::vec::Vec::new();
				for issuer in issuers {
					let left = limit.saturating_sub(coins.len());
					if left == 0 {
						break;
					}
					let ids: alloc::vec::Vec<CoinId> = match &start_after {
						Some((first, after)) if *first == issuer => {
							Holdings::<T>::iter_key_prefix_from(
								(&issuer, &holder),
								Holdings::<T>::hashed_key_for((&issuer, &holder, after)),
							)
							.take(left)
							.collect()
						},
						_ => {
							Holdings::<T>::iter_key_prefix((&issuer, &holder)).take(left).collect()
						},
					};
					coins.extend(ids.into_iter().filter_map(Self::coin));
				}
				coins
			}

			/// Live coins of `issuer`, ordered by holder then coin id, after `start_after` =
			/// (holder, coin id) of the last coin of the previous page (exclusive; the coin may be
			/// spent since), at most `limit`.
			pub fn coins_of_issuer(
				issuer: T::AccountId,
				start_after: Option<(T::AccountId, CoinId)>,
				limit: u32,
			) -> alloc::vec::Vec<CoinInfo<T::AccountId>> {
				let limit = limit.min($max_page) as usize;
				let keys: alloc::vec::Vec<(T::AccountId, CoinId)> = match start_after {
					Some((holder, after)) => Holdings::<T>::iter_key_prefix_from(
						(&issuer,),
						Holdings::<T>::hashed_key_for((&issuer, &holder, after)),
					)
					.take(limit)
					.collect(),
					None => Holdings::<T>::iter_key_prefix((&issuer,)).take(limit).collect(),
				};
				keys.into_iter().filter_map(|(_, id)| Self::coin(id)).collect()
			}

			/// What `holder` holds of each issuer's timecoin (stored balances), after issuer
			/// `start_after` (exclusive), at most `limit`.
			pub fn holdings_of(
				holder: T::AccountId,
				start_after: Option<T::AccountId>,
				limit: u32,
			) -> alloc::vec::Vec<HoldingInfo<T::AccountId>> {
				let limit = limit.min($max_page) as usize;
				let entries: alloc::vec::Vec<(T::AccountId, $amount)> = match start_after {
					Some(after) => HeldTotals::<T>::iter_prefix_from(
						&holder,
						HeldTotals::<T>::hashed_key_for(&holder, &after),
					)
					.take(limit)
					.collect(),
					None => HeldTotals::<T>::iter_prefix(&holder).take(limit).collect(),
				};
				entries
					.into_iter()
					.map(|(issuer, balance)| HoldingInfo { issuer, balance })
					.collect()
			}

			/// A live coin by id.
			pub fn coin(id: CoinId) -> Option<CoinInfo<T::AccountId>> {
				Coins::<T>::get(id).map(|c| CoinInfo {
					id,
					pour_id: c.pour_id,
					issuer: c.issuer,
					holder: c.holder,
					amount: c.amount,
				})
			}
		}
	};
}

/// The v0 → v1 storage migration of a ledger pallet (`MigrateV0ToV1<T>`): builds the engine's
/// stored balances (`HeldTotals`) and escrow totals (`EscrowTotals`) once from the `Coins` and
/// `Escrow` already stored, then runs `then`, a `fn<T: Config>() -> (reads, writes)` for the
/// pallet's own additions, if given. (v1 also had an issuer index, which v2 dropped: a v0 chain
/// goes on through [`ledger_migration_v2`], which builds the v2 coin index.) Invoke it where
/// those items, `Config` and `Pallet` are in scope.
#[macro_export]
macro_rules! ledger_migration_v1 {
	() => {
		$crate::ledger_migration_v1!(then: |_| (0u64, 0u64));
	};
	(then: $then:expr) => {
		/// The v0 → v1 build-up; run it through [`MigrateV0ToV1`], which checks the version.
		pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

		impl<T: Config> frame_support::traits::UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
			fn on_runtime_upgrade() -> frame_support::weights::Weight {
				use frame_support::traits::Get;
				use sp_runtime::Saturating;
				let (mut reads, mut writes) = (0u64, 0u64);
				for (_, coin) in Coins::<T>::iter() {
					reads += 2;
					writes += 1;
					HeldTotals::<T>::mutate(&coin.holder, &coin.issuer, |b| {
						*b = b.saturating_add(coin.amount)
					});
				}
				for (issuer, _owner, amount) in Escrow::<T>::iter() {
					reads += 2;
					writes += 1;
					EscrowTotals::<T>::mutate(&issuer, |t| *t = t.saturating_add(amount));
				}
				let (r, w): (u64, u64) = ($then)(core::marker::PhantomData::<T>);
				T::DbWeight::get().reads_writes(reads.saturating_add(r), writes.saturating_add(w))
			}
		}

		/// Migrates the ledger's storage from v0 to v1, once.
		pub type MigrateV0ToV1<T> = frame_support::migrations::VersionedMigration<
			0,
			1,
			InnerMigrateV0ToV1<T>,
			Pallet<T>,
			<T as frame_system::Config>::DbWeight,
		>;
	};
}

/// The v1 → v2 storage migration of a ledger pallet (`MigrateV1ToV2<T>`): one index entry per
/// coin instead of two. v1 indexed every coin under (holder, issuer) in `Holdings` and under
/// its issuer in `IssuedCoins`; v2 keys `Holdings` by (issuer, holder), which serves both, and
/// drops `IssuedCoins`. Every old entry is removed and the index rebuilt from `Coins`. Invoke
/// it where `Coins`, `Holdings`, `Config` and `Pallet` are in scope.
#[macro_export]
macro_rules! ledger_migration_v2 {
	() => {
		/// The v1 → v2 rebuild; run it through [`MigrateV1ToV2`], which checks the version.
		pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

		impl<T: Config> frame_support::traits::UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
			fn on_runtime_upgrade() -> frame_support::weights::Weight {
				use frame_support::traits::{Get, PalletInfoAccess};
				// Both layouts hash their keys alike, so the old entries are cleared whole.
				let old_index = Holdings::<T>::clear(u32::MAX, None).unique as u64;
				let issued = frame_support::storage::migration::clear_storage_prefix(
					<Pallet<T> as PalletInfoAccess>::name().as_bytes(),
					b"IssuedCoins",
					b"",
					None,
					None,
				)
				.unique as u64;
				let mut coins = 0u64;
				for (id, coin) in Coins::<T>::iter() {
					coins += 1;
					Holdings::<T>::insert((&coin.issuer, &coin.holder, id), ());
				}
				T::DbWeight::get().reads_writes(
					coins.saturating_add(old_index).saturating_add(issued),
					coins.saturating_add(old_index).saturating_add(issued),
				)
			}

			#[cfg(feature = "try-runtime")]
			fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
				use codec::Encode;
				Ok((Coins::<T>::iter_keys().count() as u64).encode())
			}

			#[cfg(feature = "try-runtime")]
			fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
				use codec::Decode;
				let coins = u64::decode(&mut &state[..]).map_err(|_| "the coin count")?;
				frame_support::ensure!(
					Coins::<T>::iter_keys().count() as u64 == coins,
					"the migration changed the coins"
				);
				frame_support::ensure!(
					Holdings::<T>::iter_keys().count() as u64 == coins,
					"the coin index has an entry per coin"
				);
				for (id, coin) in Coins::<T>::iter() {
					frame_support::ensure!(
						Holdings::<T>::contains_key((&coin.issuer, &coin.holder, id)),
						"every coin is indexed under (issuer, holder)"
					);
				}
				let issued = frame_support::storage::storage_prefix(
					<Pallet<T> as frame_support::traits::PalletInfoAccess>::name().as_bytes(),
					b"IssuedCoins",
				);
				frame_support::ensure!(
					!frame_support::storage::unhashed::contains_prefixed_key(&issued),
					"the v1 issuer index is gone"
				);
				Ok(())
			}
		}

		/// Rewrites the coin index as v1 stored it (entries by (holder, issuer) and by issuer),
		/// so the migration's tests start from a v1 chain's storage.
		#[cfg(test)]
		pub(crate) fn into_v1_layout<T: Config>() {
			use frame_support::{Blake2_128Concat, Identity};
			#[frame_support::storage_alias]
			type IssuedCoins<T: Config> = StorageDoubleMap<
				Pallet<T>,
				Blake2_128Concat,
				<T as frame_system::Config>::AccountId,
				Identity,
				crate::types::CoinId,
				(),
			>;
			let _ = Holdings::<T>::clear(u32::MAX, None);
			for (id, coin) in Coins::<T>::iter() {
				// Both keys are accounts: v1's order fits v2's type.
				Holdings::<T>::insert((&coin.holder, &coin.issuer, id), ());
				IssuedCoins::<T>::insert(&coin.issuer, id, ());
			}
		}

		/// Migrates the ledger's storage from v1 to v2, once.
		pub type MigrateV1ToV2<T> = frame_support::migrations::VersionedMigration<
			1,
			2,
			InnerMigrateV1ToV2<T>,
			Pallet<T>,
			<T as frame_system::Config>::DbWeight,
		>;
	};
}
