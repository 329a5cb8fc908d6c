//! Collateral claims and the cap they put on supply.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		ClaimOf, Claims, Config, Error, Escrow, Event, HoldReason, Issuers, NextClaimId, Pallet,
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
				Self::hold(&HoldReason::IssuerDeposit, issuer, deposit)?;
				IssuerInfo { deposit, ..Default::default() }
			},
		};
		let id = NextClaimId::<T>::get();
		NextClaimId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let deposit = T::ClaimDeposit::get();
		Self::hold(&HoldReason::ClaimDeposit, issuer, deposit)?;
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
		Self::release(&HoldReason::ClaimDeposit, issuer, claim.deposit)?;
		if claims.is_empty() && info.supply == 0 {
			// Nothing left to account for: the record goes and its deposit comes back. Claim
			// ids are global, so a later claim never reuses an id an attestor once saw.
			Claims::<T>::remove(issuer);
			Issuers::<T>::remove(issuer);
			debug_assert!(Escrow::<T>::iter_prefix(issuer).next().is_none());
			Self::release(&HoldReason::IssuerDeposit, issuer, info.deposit)?;
		} else {
			Claims::<T>::insert(issuer, claims);
		}
		Self::deposit_event(Event::ClaimRetired { issuer: issuer.clone(), claim: id });
		Ok(())
	}
}
