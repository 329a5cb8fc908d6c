//! References between objects, counted on both ends.

use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

use crate::{
	pallet::{Config, Error, Event, Objects, Pallet, Refs, RefsIn},
	ObjectId,
};

impl<T: Config> Pallet<T> {
	/// Errors: `SelfReference`, `UnknownObject`, `NotWriter`, `ReferenceExists`, the hold.
	pub(crate) fn do_add_ref(who: &T::AccountId, from: ObjectId, to: ObjectId) -> DispatchResult {
		ensure!(from != to, Error::<T>::SelfReference);
		let mut f = Objects::<T>::get(from).ok_or(Error::<T>::UnknownObject)?;
		ensure!(Self::allowed(&f, &f.write, who), Error::<T>::NotWriter);
		let mut t = Objects::<T>::get(to).ok_or(Error::<T>::UnknownObject)?;
		ensure!(!Refs::<T>::contains_key(from, to), Error::<T>::ReferenceExists);
		let deposit = T::RefDeposit::get();
		Self::hold_deposit(who, deposit)?;
		Refs::<T>::insert(from, to, (who.clone(), deposit));
		RefsIn::<T>::insert(to, from, ());
		f.refs_out = f.refs_out.saturating_add(1);
		t.refs_in = t.refs_in.saturating_add(1);
		let refs_in = t.refs_in;
		Objects::<T>::insert(from, f);
		Objects::<T>::insert(to, t);
		Self::deposit_event(Event::ReferenceAdded { from, to, refs_in });
		Ok(())
	}

	/// Errors: `UnknownObject`, `NotWriter`, `NoReference`.
	pub(crate) fn do_remove_ref(
		who: &T::AccountId,
		from: ObjectId,
		to: ObjectId,
	) -> DispatchResult {
		let mut f = Objects::<T>::get(from).ok_or(Error::<T>::UnknownObject)?;
		ensure!(Self::allowed(&f, &f.write, who), Error::<T>::NotWriter);
		let (depositor, deposit) = Refs::<T>::take(from, to).ok_or(Error::<T>::NoReference)?;
		RefsIn::<T>::remove(to, from);
		Self::release_deposit(&depositor, deposit)?;
		f.refs_out = f.refs_out.saturating_sub(1);
		Objects::<T>::insert(from, f);
		// An object with references to it is not removed, so `to` still exists.
		let refs_in = Objects::<T>::mutate(to, |t| {
			t.as_mut().map_or(0, |t| {
				t.refs_in = t.refs_in.saturating_sub(1);
				t.refs_in
			})
		});
		Self::deposit_event(Event::ReferenceRemoved { from, to, refs_in });
		Ok(())
	}
}
