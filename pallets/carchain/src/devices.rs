//! Devices (the seed's `setup`/`reset`), and the agent registry devices name.

use codchain_support::deposit;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		Agents, Config, DeviceCount, DeviceOf, Devices, DevicesOf, Error, Event, HoldReason,
		Pallet, VidOf,
	},
	EncryptionKey, RESET_TAG, SETUP_TAG,
};

impl<T: Config> Pallet<T> {
	/// What a device key signs to prove it is present at a setup.
	pub fn setup_payload(
		vid: &[u8],
		owner: &T::AccountId,
		encryption_key: &EncryptionKey,
		agent: &Option<T::AccountId>,
	) -> alloc::vec::Vec<u8> {
		(SETUP_TAG, Self::genesis(), vid, owner, encryption_key, agent).encode()
	}

	/// What the current device key signs to authorise a reset to these settings.
	pub fn reset_payload(
		vid: &[u8],
		generation: u32,
		owner: &T::AccountId,
		device_key: &T::AccountId,
		encryption_key: &EncryptionKey,
		agent: &Option<T::AccountId>,
	) -> alloc::vec::Vec<u8> {
		(RESET_TAG, Self::genesis(), vid, generation, owner, device_key, encryption_key, agent)
			.encode()
	}

	fn ensure_agent(agent: &Option<T::AccountId>) -> DispatchResult {
		if let Some(a) = agent {
			ensure!(Agents::<T>::contains_key(a), Error::<T>::UnknownAgent);
		}
		Ok(())
	}

	/// Errors: `DeviceExists`, `UnknownAgent`, `BadDeviceSignature`, `TooManyDevices`,
	/// `InsufficientFunds`.
	pub(crate) fn do_setup_device(
		owner: T::AccountId,
		vid: VidOf<T>,
		device_key: T::AccountId,
		encryption_key: EncryptionKey,
		agent: Option<T::AccountId>,
		proof: T::Signature,
	) -> DispatchResult {
		ensure!(!Devices::<T>::contains_key(&vid), Error::<T>::DeviceExists);
		Self::ensure_agent(&agent)?;
		let payload = Self::setup_payload(&vid, &owner, &encryption_key, &agent);
		ensure!(Self::verify(&proof, &payload, &device_key), Error::<T>::BadDeviceSignature);
		Self::add_to_owner(&owner, &vid)?;
		let amount = T::DeviceDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &owner, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let device: DeviceOf<T> = crate::Device {
			owner: owner.clone(),
			device_key: device_key.clone(),
			encryption_key,
			agent: agent.clone(),
			generation: 0,
			since: frame_system::Pallet::<T>::block_number(),
			deposit: amount,
		};
		Devices::<T>::insert(&vid, device);
		Self::deposit_event(Event::DeviceSetUp { vid, owner, device_key, agent });
		Ok(())
	}

	/// Errors: `UnknownDevice`, `UnknownAgent`, `BadResetSignature`, `BadDeviceSignature`,
	/// `TooManyDevices`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_reset_device(
		owner: T::AccountId,
		vid: VidOf<T>,
		device_key: T::AccountId,
		encryption_key: EncryptionKey,
		agent: Option<T::AccountId>,
		old_key_proof: T::Signature,
		new_key_proof: T::Signature,
	) -> DispatchResult {
		let old = Devices::<T>::get(&vid).ok_or(Error::<T>::UnknownDevice)?;
		Self::ensure_agent(&agent)?;
		let generation = old.generation.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let reset =
			Self::reset_payload(&vid, old.generation, &owner, &device_key, &encryption_key, &agent);
		ensure!(
			Self::verify(&old_key_proof, &reset, &old.device_key),
			Error::<T>::BadResetSignature
		);
		let setup = Self::setup_payload(&vid, &owner, &encryption_key, &agent);
		ensure!(Self::verify(&new_key_proof, &setup, &device_key), Error::<T>::BadDeviceSignature);
		let amount = T::DeviceDeposit::get();
		if old.owner != owner {
			Self::add_to_owner(&owner, &vid)?;
			deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &owner, amount)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			Self::remove_from_owner(&old.owner, &vid);
			deposit::release::<_, T::Currency>(
				&HoldReason::Deposit.into(),
				&old.owner,
				old.deposit,
			)?;
		}
		let deposit = if old.owner == owner { old.deposit } else { amount };
		let device: DeviceOf<T> = crate::Device {
			owner: owner.clone(),
			device_key: device_key.clone(),
			encryption_key,
			agent: agent.clone(),
			generation,
			since: frame_system::Pallet::<T>::block_number(),
			deposit,
		};
		Devices::<T>::insert(&vid, device);
		Self::deposit_event(Event::DeviceReset {
			vid,
			previous_owner: old.owner,
			owner,
			device_key,
			agent,
			generation,
		});
		Ok(())
	}

	/// Errors: `UnknownDevice`, `NotDeviceOwner`.
	pub(crate) fn do_remove_device(owner: T::AccountId, vid: VidOf<T>) -> DispatchResult {
		let device = Devices::<T>::get(&vid).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(device.owner == owner, Error::<T>::NotDeviceOwner);
		Devices::<T>::remove(&vid);
		Self::remove_from_owner(&owner, &vid);
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &owner, device.deposit)?;
		Self::deposit_event(Event::DeviceRemoved { vid, owner });
		Ok(())
	}

	fn add_to_owner(owner: &T::AccountId, vid: &VidOf<T>) -> DispatchResult {
		let count = DeviceCount::<T>::get(owner);
		ensure!(count < T::MaxDevicesPerOwner::get(), Error::<T>::TooManyDevices);
		DeviceCount::<T>::insert(owner, count.saturating_add(1));
		DevicesOf::<T>::insert(owner, vid, ());
		Ok(())
	}

	fn remove_from_owner(owner: &T::AccountId, vid: &VidOf<T>) {
		DevicesOf::<T>::remove(owner, vid);
		let count = DeviceCount::<T>::get(owner).saturating_sub(1);
		if count == 0 {
			DeviceCount::<T>::remove(owner);
		} else {
			DeviceCount::<T>::insert(owner, count);
		}
	}

	/// Errors: `AlreadyAgent`, `InsufficientFunds`.
	pub(crate) fn do_register_agent(agent: T::AccountId) -> DispatchResult {
		ensure!(!Agents::<T>::contains_key(&agent), Error::<T>::AlreadyAgent);
		let amount = T::RegistrationDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &agent, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		Agents::<T>::insert(&agent, amount);
		Self::deposit_event(Event::AgentRegistered { agent });
		Ok(())
	}

	/// Errors: `NotAgent`. Devices naming the agent keep the name; records it submits no
	/// longer count.
	pub(crate) fn do_unregister_agent(agent: T::AccountId) -> DispatchResult {
		let amount = Agents::<T>::take(&agent).ok_or(Error::<T>::NotAgent)?;
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &agent, amount)?;
		Self::deposit_event(Event::AgentUnregistered { agent });
		Ok(())
	}

	/// The agent epoch a block falls in.
	pub fn epoch_of(block: BlockNumberFor<T>) -> crate::EpochIndex {
		let epoch = block / T::AgentEpoch::get();
		sp_runtime::SaturatedConversion::saturated_into(epoch)
	}
}
