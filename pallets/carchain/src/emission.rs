//! The data token's phased emission (seed 004 "Currency"): a fixed total, no ICO; 50 % minted
//! to producers as records are registered, 30 % to agents by contribution, 20 % sold to
//! service providers.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation, Get},
};
use sp_arithmetic::{traits::SaturatedConversion, Percent};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, Saturating, Zero},
	FixedPointNumber, Rounding,
};

use crate::{
	pallet::{AgentWork, BalanceOf, Config, Emitted, EpochWork, Error, Event, Pallet, Providers},
	Emission, EmissionStatus, EpochIndex,
};

impl<T: Config> Pallet<T> {
	/// Each phase's cap: 50 %, 30 % and what is left of the total (20 %, and the rounding).
	pub fn caps() -> Emission<BalanceOf<T>> {
		let total = T::TotalEmission::get();
		let producers = Percent::from_percent(50) * total;
		let agents = Percent::from_percent(30) * total;
		let sold = total.saturating_sub(producers).saturating_sub(agents);
		Emission { producers, agents, sold }
	}

	pub fn emission_status() -> EmissionStatus<BalanceOf<T>> {
		EmissionStatus {
			total: T::TotalEmission::get(),
			minted: Emitted::<T>::get(),
			caps: Self::caps(),
			record_reward: T::RecordReward::get(),
			agent_epoch_budget: T::AgentEpochBudget::get(),
			epoch: Self::epoch_of(frame_system::Pallet::<T>::block_number()),
		}
	}

	/// Mints a record's reward to its address while phase 1 has room (the last record gets
	/// what is left), and returns what it minted.
	pub(crate) fn mint_producer_reward(
		address: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut emitted = Emitted::<T>::get();
		let room = Self::caps().producers.saturating_sub(emitted.producers);
		let reward = T::RecordReward::get().min(room);
		if reward.is_zero() {
			return Ok(reward);
		}
		// The last crumbs of phase 1 may be below the token's existential deposit for a new
		// account: the record then registers without a reward rather than not at all.
		if T::DataToken::mint_into(address, reward).is_err() {
			return Ok(Zero::zero());
		}
		emitted.producers = emitted.producers.checked_add(&reward).ok_or(Error::<T>::Overflow)?;
		Emitted::<T>::put(emitted);
		Ok(reward)
	}

	/// What `agent` may claim for `epoch`: its share of the budget (rounded down), within
	/// what phase 2 has left; and the records it counts.
	pub fn agent_share(epoch: EpochIndex, agent: &T::AccountId) -> (u32, BalanceOf<T>) {
		let Some(mine) = AgentWork::<T>::get(epoch, agent) else { return (0, Zero::zero()) };
		let (total, _) = EpochWork::<T>::get(epoch).unwrap_or((0, 0));
		if total == 0 {
			return (mine, Zero::zero());
		}
		let budget: u128 = T::AgentEpochBudget::get().saturated_into();
		let share =
			multiply_by_rational_with_rounding(budget, mine as u128, total as u128, Rounding::Down)
				.unwrap_or(0);
		let room = Self::caps().agents.saturating_sub(Emitted::<T>::get().agents);
		(mine, share.saturated_into::<BalanceOf<T>>().min(room))
	}

	/// Errors: `EpochNotOver`, `NothingToClaim`, `Overflow`.
	pub(crate) fn do_claim_agent_reward(agent: T::AccountId, epoch: EpochIndex) -> DispatchResult {
		let now = Self::epoch_of(frame_system::Pallet::<T>::block_number());
		ensure!(epoch < now, Error::<T>::EpochNotOver);
		let (records, amount) = Self::agent_share(epoch, &agent);
		ensure!(records > 0, Error::<T>::NothingToClaim);
		AgentWork::<T>::remove(epoch, &agent);
		let (total, claimed) = EpochWork::<T>::get(epoch).unwrap_or((0, 0));
		let claimed = claimed.saturating_add(records);
		if claimed >= total {
			EpochWork::<T>::remove(epoch);
		} else {
			EpochWork::<T>::insert(epoch, (total, claimed));
		}
		if !amount.is_zero() {
			T::DataToken::mint_into(&agent, amount)?;
			Emitted::<T>::try_mutate(|e| -> DispatchResult {
				e.agents = e.agents.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
		}
		Self::deposit_event(Event::AgentRewarded { agent, epoch, records, amount });
		Ok(())
	}

	/// What `amount` data tokens cost in COD at the sale price, rounded up.
	pub fn sale_cost(amount: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		let price = T::SalePrice::get();
		let amount: u128 = amount.saturated_into();
		let cost = multiply_by_rational_with_rounding(
			amount,
			price.into_inner(),
			sp_arithmetic::FixedU128::DIV,
			Rounding::Up,
		)
		.ok_or(Error::<T>::Overflow)?;
		BalanceOf::<T>::try_from(cost).map_err(|_| Error::<T>::Overflow.into())
	}

	/// Errors: `ZeroAmount`, `NotProvider`, `SaleCapReached`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_buy_data_tokens(buyer: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(Providers::<T>::contains_key(&buyer), Error::<T>::NotProvider);
		let mut emitted = Emitted::<T>::get();
		let sold = emitted.sold.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(sold <= Self::caps().sold, Error::<T>::SaleCapReached);
		let cost = Self::sale_cost(amount)?;
		<T::Currency as Mutate<T::AccountId>>::transfer(
			&buyer,
			&T::Community::get(),
			cost,
			Preservation::Preserve,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::DataToken::mint_into(&buyer, amount)?;
		emitted.sold = sold;
		Emitted::<T>::put(emitted);
		Self::deposit_event(Event::DataTokensSold { buyer, amount, cost });
		Ok(())
	}
}
