//! Objects, their versions and pointers, releases and access.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use sp_core::H256;
use sp_runtime::DispatchResult;

use crate::{
	object_id,
	pallet::{
		AccessOf, Config, ContractIdOf, Error, Event, FieldOf, ObjectOf, Objects, Pallet, Versions,
	},
	Object, ObjectId, Pointer, UpkeepContracts, Version, VersionNo,
};

impl<T: Config> Pallet<T> {
	fn field(v: Vec<u8>) -> Result<FieldOf<T>, DispatchError> {
		FieldOf::<T>::try_from(v).map_err(|_| Error::<T>::FieldTooLong.into())
	}

	fn stored(id: ObjectId) -> Result<ObjectOf<T>, DispatchError> {
		Objects::<T>::get(id).ok_or(Error::<T>::UnknownObject.into())
	}

	fn writable(who: &T::AccountId, id: ObjectId) -> Result<ObjectOf<T>, DispatchError> {
		let o = Self::stored(id)?;
		ensure!(Self::allowed(&o, &o.write, who), Error::<T>::NotWriter);
		Ok(o)
	}

	fn owned(who: &T::AccountId, id: ObjectId) -> Result<ObjectOf<T>, DispatchError> {
		let o = Self::stored(id)?;
		ensure!(o.author == *who, Error::<T>::NotOwner);
		Ok(o)
	}

	/// Errors: `FieldTooLong`, `ObjectExists`, the hold.
	pub(crate) fn do_create(
		author: &T::AccountId,
		app_type: Vec<u8>,
		ext: Vec<u8>,
		mark: Vec<u8>,
		read: AccessOf<T>,
		write: AccessOf<T>,
		require_upkeep: bool,
	) -> Result<ObjectId, DispatchError> {
		let id = object_id(author, &app_type, &ext, &mark);
		let (app_type, ext, mark) = (Self::field(app_type)?, Self::field(ext)?, Self::field(mark)?);
		ensure!(!Objects::<T>::contains_key(id), Error::<T>::ObjectExists);
		let deposit = T::ObjectDeposit::get();
		Self::hold_deposit(author, deposit)?;
		Objects::<T>::insert(
			id,
			Object {
				author: author.clone(),
				app_type: app_type.clone(),
				ext: ext.clone(),
				mark: mark.clone(),
				read,
				write,
				require_upkeep,
				next_version: 0,
				live_versions: 0,
				cur: None,
				last: None,
				release: None,
				refs_in: 0,
				refs_out: 0,
				created: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		Self::deposit_event(Event::Created { id, author: author.clone(), app_type, ext, mark });
		Ok(id)
	}

	/// Errors: `UnknownObject`, `NotWriter`, `TooManyVersions`, the hold.
	pub(crate) fn do_add_version(
		who: &T::AccountId,
		id: ObjectId,
		digest: H256,
		size: u64,
	) -> Result<VersionNo, DispatchError> {
		let mut o = Self::writable(who, id)?;
		let version = o.next_version;
		ensure!(version < T::MaxVersions::get(), Error::<T>::TooManyVersions);
		let deposit = T::VersionDeposit::get();
		Self::hold_deposit(who, deposit)?;
		let at = frame_system::Pallet::<T>::block_number();
		Versions::<T>::insert(id, version, Version { digest, size, by: who.clone(), at, deposit });
		o.next_version = version.saturating_add(1);
		o.live_versions = o.live_versions.saturating_add(1);
		o.last = Some(version);
		if o.cur.is_none() {
			o.cur = Some(version);
		}
		Objects::<T>::insert(id, o);
		Self::deposit_event(Event::VersionAdded { id, version, digest, size, by: who.clone() });
		Ok(version)
	}

	/// Errors: `UseReleaseCall`, `UnknownObject`, `NotWriter`, `UnknownVersion`.
	pub(crate) fn do_set_pointer(
		who: &T::AccountId,
		id: ObjectId,
		pointer: Pointer,
		version: VersionNo,
	) -> DispatchResult {
		ensure!(pointer != Pointer::Release, Error::<T>::UseReleaseCall);
		let mut o = Self::writable(who, id)?;
		ensure!(Versions::<T>::contains_key(id, version), Error::<T>::UnknownVersion);
		match pointer {
			Pointer::Cur => o.cur = Some(version),
			_ => o.last = Some(version),
		}
		Objects::<T>::insert(id, o);
		Self::deposit_event(Event::PointerSet { id, pointer, version, by: who.clone() });
		Ok(())
	}

	/// Errors: `UnknownObject`, `NotOwner`, `UnknownVersion`, `UpkeepRequired`,
	/// `UpkeepNotLive`.
	pub(crate) fn do_release(
		who: &T::AccountId,
		id: ObjectId,
		version: Option<VersionNo>,
		contract: Option<ContractIdOf<T>>,
	) -> DispatchResult {
		let mut o = Self::owned(who, id)?;
		match version {
			Some(v) => {
				ensure!(Versions::<T>::contains_key(id, v), Error::<T>::UnknownVersion);
				ensure!(!o.require_upkeep || contract.is_some(), Error::<T>::UpkeepRequired);
				if let Some(c) = &contract {
					ensure!(T::Upkeep::is_live(c, who), Error::<T>::UpkeepNotLive);
				}
				o.release = Some((v, contract));
			},
			None => o.release = None,
		}
		Objects::<T>::insert(id, o);
		Self::deposit_event(Event::Released { id, version, contract });
		Ok(())
	}

	/// Errors: `UnknownObject`, `NotOwner`.
	pub(crate) fn do_set_access(
		who: &T::AccountId,
		id: ObjectId,
		read: AccessOf<T>,
		write: AccessOf<T>,
		require_upkeep: bool,
	) -> DispatchResult {
		let mut o = Self::owned(who, id)?;
		o.read = read;
		o.write = write;
		o.require_upkeep = require_upkeep;
		Objects::<T>::insert(id, o);
		Self::deposit_event(Event::AccessSet { id, read, write, require_upkeep });
		Ok(())
	}

	/// Errors: `UnknownObject`, `UnknownVersion`, `NotAllowed`, `VersionInUse`.
	pub(crate) fn do_remove_version(
		who: &T::AccountId,
		id: ObjectId,
		version: VersionNo,
	) -> DispatchResult {
		let mut o = Self::stored(id)?;
		let v = Versions::<T>::get(id, version).ok_or(Error::<T>::UnknownVersion)?;
		ensure!(v.by == *who || o.author == *who, Error::<T>::NotAllowed);
		let named = o.cur == Some(version)
			|| o.last == Some(version)
			|| o.release.as_ref().is_some_and(|(r, _)| *r == version);
		ensure!(!named, Error::<T>::VersionInUse);
		Versions::<T>::remove(id, version);
		Self::release_deposit(&v.by, v.deposit)?;
		o.live_versions = o.live_versions.saturating_sub(1);
		Objects::<T>::insert(id, o);
		Self::deposit_event(Event::VersionRemoved { id, version });
		Ok(())
	}

	/// Errors: `UnknownObject`, `NotOwner`, `ObjectInUse`.
	pub(crate) fn do_remove_object(who: &T::AccountId, id: ObjectId) -> DispatchResult {
		let o = Self::owned(who, id)?;
		// Versions named by pointers cannot be removed one by one: the pointers go with the
		// object, so only a version some pointer names may remain.
		let pointed: Vec<VersionNo> = [o.cur, o.last, o.release.as_ref().map(|(v, _)| *v)]
			.into_iter()
			.flatten()
			.fold(Vec::new(), |mut acc, v| {
				if !acc.contains(&v) {
					acc.push(v);
				}
				acc
			});
		ensure!(
			o.refs_in == 0 && o.refs_out == 0 && o.live_versions as usize == pointed.len(),
			Error::<T>::ObjectInUse
		);
		for v in pointed {
			if let Some(ver) = Versions::<T>::take(id, v) {
				Self::release_deposit(&ver.by, ver.deposit)?;
			}
		}
		Objects::<T>::remove(id);
		Self::release_deposit(&o.author, o.deposit)?;
		Self::deposit_event(Event::Removed { id });
		Ok(())
	}
}
