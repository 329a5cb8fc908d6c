//! Collateral claims and the cap they put on supply.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		ClaimOf, Claims, Config, Error, EscrowTotals, Event, HoldReason, Issuers, NextClaimId,
		Pallet,
	},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// Sum of the values of `issuer`'s live claims now: the most its supply may reach.
	pub fn cap(issuer: &T::AccountId) -> Units {
		let now = frame_system::Pallet::<T>::block_number();
		Claims::<T>::get(issuer)
			.iter()
			.filter(|c| c.is_live(&now))
			.fold(0u128, |acc, c| acc.saturating_add(c.value))
	}

	/// How far supply exceeds the cap (0 when covered).
	pub fn shortfall(issuer: &T::AccountId) -> Units {
		let supply = Issuers::<T>::get(issuer).map(|i| i.supply).unwrap_or(0);
		supply.saturating_sub(Self::cap(issuer))
	}

	/// Records a claim of `issuer`, opening its record (and holding its deposit) if it has none.
	///
	/// Errors: `ZeroValueClaim`, `ExpiryInPast`, `SelfAttestation`, `TooManyClaims`,
	/// `InsufficientDeposit`, `IdsExhausted`.
	pub(crate) fn do_declare_claim(
		issuer: &T::AccountId,
		kind: ClaimKind,
		value: Units,
		expiry: BlockNumberFor<T>,
		attestor: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(value > 0, Error::<T>::ZeroValueClaim);
		ensure!(expiry > frame_system::Pallet::<T>::block_number(), Error::<T>::ExpiryInPast);
		ensure!(attestor.as_ref() != Some(issuer), Error::<T>::SelfAttestation);
		let mut claims = Claims::<T>::get(issuer);
		ensure!(claims.len() < T::MaxClaims::get() as usize, Error::<T>::TooManyClaims);

		let info = match Issuers::<T>::get(issuer) {
			Some(info) => info,
			None => {
				let deposit = T::IssuerDeposit::get();
				Self::hold_deposit(&HoldReason::IssuerDeposit, issuer, deposit)?;
				IssuerDetails { deposit, ..Default::default() }
			},
		};
		let id = NextClaimId::<T>::get();
		NextClaimId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		let deposit = T::ClaimDeposit::get();
		Self::hold_deposit(&HoldReason::ClaimDeposit, issuer, deposit)?;
		let claim = ClaimOf::<T> {
			id,
			kind,
			value,
			expiry,
			attested: attestor.is_none(),
			attestor: attestor.clone(),
			deposit,
		};
		claims.try_push(claim).map_err(|_| Error::<T>::TooManyClaims)?;
		Claims::<T>::insert(issuer, claims);
		Issuers::<T>::insert(issuer, info);
		Self::deposit_event(Event::ClaimDeclared {
			issuer: issuer.clone(),
			claim: id,
			kind,
			value,
			expiry,
			attestor,
		});
		Ok(())
	}

	/// Errors: `UnknownClaim`, `NotAttestor`, `AlreadyAttested`, `ClaimExpired`.
	pub(crate) fn do_attest_claim(
		attestor: &T::AccountId,
		issuer: &T::AccountId,
		id: ClaimId,
	) -> DispatchResult {
		Claims::<T>::try_mutate(issuer, |claims| {
			let claim = claims.iter_mut().find(|c| c.id == id).ok_or(Error::<T>::UnknownClaim)?;
			ensure!(claim.attestor.as_ref() == Some(attestor), Error::<T>::NotAttestor);
			ensure!(!claim.attested, Error::<T>::AlreadyAttested);
			ensure!(
				claim.expiry > frame_system::Pallet::<T>::block_number(),
				Error::<T>::ClaimExpired
			);
			claim.attested = true;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::ClaimAttested {
			issuer: issuer.clone(),
			claim: id,
			attestor: attestor.clone(),
		});
		Ok(())
	}

	/// Removes a claim and releases its deposit; the issuer record goes too when nothing is
	/// left to account for.
	///
	/// Errors: `UnknownClaim`, `ClaimBacksSupply`.
	pub(crate) fn do_retire_claim(issuer: &T::AccountId, id: ClaimId) -> DispatchResult {
		let mut claims = Claims::<T>::get(issuer);
		let pos = claims.iter().position(|c| c.id == id).ok_or(Error::<T>::UnknownClaim)?;
		let claim = claims.remove(pos);
		let now = frame_system::Pallet::<T>::block_number();
		let info = Issuers::<T>::get(issuer).ok_or(Error::<T>::UnknownClaim)?;
		if claim.is_live(&now) {
			let rest = claims
				.iter()
				.filter(|c| c.is_live(&now))
				.fold(0u128, |acc, c| acc.saturating_add(c.value));
			ensure!(info.supply <= rest, Error::<T>::ClaimBacksSupply);
		}
		Self::release_deposit(&HoldReason::ClaimDeposit, issuer, claim.deposit)?;
		if claims.is_empty() && info.supply == 0 {
			// Nothing left to account for: the record goes and its deposit comes back. Claim
			// ids are global, so a later claim never reuses an id an attestor once saw.
			Claims::<T>::remove(issuer);
			Issuers::<T>::remove(issuer);
			debug_assert!(EscrowTotals::<T>::get(issuer) == 0);
			Self::release_deposit(&HoldReason::IssuerDeposit, issuer, info.deposit)?;
		} else {
			Claims::<T>::insert(issuer, claims);
		}
		Self::deposit_event(Event::ClaimRetired { issuer: issuer.clone(), claim: id });
		Ok(())
	}
}
