//! Room to run: before a stage call gets a store, it takes room in its
//! host's lane (reference or region: a slot and its memory limit from the
//! lane's share of the memory budget) and a slot in the process's engine
//! pool, waiting in line for at most the host's queue wait. See
//! [`Capacity`] for the policy; this module is its mechanism.
//!
//! Without it, every caller's thread ran its call at once: two hundred
//! calls on two cores each got a hundredth of a core, so the guideline's
//! components missed deadlines they meet with ease alone; past the engine
//! pool's size, instantiation failed; and memory limits, each checked per
//! call, added up to gigabytes. With it, a call runs only when it has a core
//! and its memory to itself, and its deadline starts then.
//!
//! std only: a mutex, a queue of waiters, a condition variable per waiter.
//! Room is handed to the first waiter in line that was asked for (first
//! come, first served, also between small and large memory requests, so a
//! large one is not overtaken forever), and a waiter that gives up leaves
//! the line without holding anyone up.

use crate::limits::{Capacity, MAX_CONCURRENT_CALLS};
use crate::model::Role;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// A bounded number of slots and a bounded amount of memory, handed out in
/// order of asking.
#[derive(Debug)]
pub(crate) struct Gate {
    slots: usize,
    memory: usize,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    free_slots: usize,
    free_memory: usize,
    /// Waiters in order of asking.
    line: VecDeque<Waiter>,
    /// Waiters that were handed room and have not yet woken to take it.
    granted: Vec<u64>,
    next_id: u64,
}

#[derive(Debug)]
struct Waiter {
    id: u64,
    memory: usize,
    wake: Arc<Condvar>,
}

/// Why a gate gave no room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// More memory was asked for than the gate ever has: waiting is useless.
    TooLarge,
    /// No room came before the wait ended. What the gate looked like then.
    Timeout {
        /// Slots in use.
        busy: usize,
        /// Memory in use.
        memory_in_use: usize,
        /// Other calls still waiting in line.
        waiting: usize,
    },
}

/// Room taken in a gate; given back when dropped.
#[derive(Debug)]
pub(crate) struct Pass<'g> {
    gate: &'g Gate,
    memory: usize,
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut state = self.gate.lock();
        state.free_slots += 1;
        state.free_memory += self.memory;
        hand_out(&mut state);
    }
}

impl Gate {
    /// A gate of `slots` slots (at least one) and `memory` bytes.
    pub(crate) fn new(slots: usize, memory: usize) -> Gate {
        let slots = slots.max(1);
        Gate {
            slots,
            memory,
            state: Mutex::new(State {
                free_slots: slots,
                free_memory: memory,
                line: VecDeque::new(),
                granted: Vec::new(),
                next_id: 0,
            }),
        }
    }

    /// How many slots the gate has.
    pub(crate) fn slots(&self) -> usize {
        self.slots
    }

    /// How much memory the gate has.
    pub(crate) fn memory(&self) -> usize {
        self.memory
    }

    /// Takes a slot and `memory` bytes, waiting in line until `until` at
    /// the latest.
    pub(crate) fn enter(&self, memory: usize, until: Instant) -> Result<Pass<'_>, Refusal> {
        if memory > self.memory {
            return Err(Refusal::TooLarge);
        }
        let mut state = self.lock();
        if state.line.is_empty() && state.free_slots > 0 && state.free_memory >= memory {
            state.free_slots -= 1;
            state.free_memory -= memory;
            return Ok(Pass { gate: self, memory });
        }
        let id = state.next_id;
        state.next_id += 1;
        let wake = Arc::new(Condvar::new());
        state.line.push_back(Waiter { id, memory, wake: Arc::clone(&wake) });
        loop {
            if let Some(at) = state.granted.iter().position(|g| *g == id) {
                state.granted.swap_remove(at);
                return Ok(Pass { gate: self, memory });
            }
            let now = Instant::now();
            if now >= until {
                // Not granted, so still in line: leave it, and let whoever
                // this waiter held up go first.
                state.line.retain(|w| w.id != id);
                hand_out(&mut state);
                return Err(Refusal::Timeout {
                    busy: self.slots - state.free_slots,
                    memory_in_use: self.memory - state.free_memory,
                    waiting: state.line.len(),
                });
            }
            state = wake.wait_timeout(state, until - now).unwrap_or_else(PoisonError::into_inner).0;
        }
    }

    /// How many calls wait in line now.
    #[cfg(test)]
    fn waiting(&self) -> usize {
        self.lock().line.len()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing panics while the lock is held: the counts are consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Hands room to waiters from the front of the line for as long as the
/// first one fits.
fn hand_out(state: &mut State) {
    while let Some(first) = state.line.front() {
        if state.free_slots == 0 || state.free_memory < first.memory {
            return;
        }
        let Some(first) = state.line.pop_front() else { return };
        state.free_slots -= 1;
        state.free_memory -= first.memory;
        state.granted.push(first.id);
        first.wake.notify_one();
    }
}

/// One host's room to run: its two lanes, and the process's engine pool.
#[derive(Debug)]
pub(crate) struct Admission {
    /// The capacity as it is applied (clamped, see [`Capacity`]).
    pub(crate) capacity: Capacity,
    reference: Gate,
    region: Gate,
    pool: &'static Gate,
}

/// Room for one stage call; given back when dropped, after the call's store.
#[derive(Debug)]
pub(crate) struct Room<'a> {
    _lane: Pass<'a>,
    _pool: Pass<'static>,
}

impl Admission {
    /// The lanes for `asked`, where each reference call may use
    /// `reference_memory` bytes of linear memory; `pool` is the process's
    /// gate to the engine's instance pool.
    pub(crate) fn new(asked: &Capacity, reference_memory: usize, pool: &'static Gate) -> Admission {
        let width = asked.concurrent_calls.clamp(1, MAX_CONCURRENT_CALLS);
        let reference_memory = reference_memory.max(1);
        let budget = asked.memory_budget.max(reference_memory);
        // The guideline's share first, at most half the budget.
        let reference_width = width.min((budget / 2 / reference_memory).max(1));
        let reference_share = reference_width * reference_memory;
        Admission {
            capacity: Capacity { concurrent_calls: width, memory_budget: budget, queue_wait: asked.queue_wait },
            reference: Gate::new(reference_width, reference_share),
            region: Gate::new(width, budget - reference_share),
            pool,
        }
    }

    /// The memory region calls share: the budget less the reference lane's
    /// share. A region whose memory limit exceeds it could never run.
    pub(crate) fn region_memory(&self) -> usize {
        self.region.memory()
    }

    /// Takes room for a call of `role` whose memory limit is `memory`
    /// bytes, waiting for at most the host's queue wait; on refusal, says
    /// which bound was reached, for the fault's detail.
    pub(crate) fn enter(&self, role: Role, memory: usize) -> Result<Room<'_>, String> {
        let until = Instant::now() + self.capacity.queue_wait;
        let (lane, name) = match role {
            Role::Reference => (&self.reference, "reference"),
            Role::Region => (&self.region, "region"),
        };
        let lane_pass = lane.enter(memory, until).map_err(|refusal| match refusal {
            Refusal::TooLarge => format!(
                "the call's memory limit of {} does not fit in the {} this host's memory budget leaves for {name} calls in flight, so it can never run; lower `memory-mib` or raise the budget (HostBuilder::capacity)",
                mib(memory),
                mib(lane.memory())
            ),
            Refusal::Timeout { busy, memory_in_use, waiting } => {
                let bound = if busy >= lane.slots() {
                    format!("all {busy} {name} call slots were busy")
                } else {
                    format!(
                        "{name} calls in flight held {} of the {} memory budget for {name} calls and this call needs {}",
                        mib(memory_in_use),
                        mib(lane.memory()),
                        mib(memory)
                    )
                };
                over_capacity(self.capacity.queue_wait, &bound, waiting)
            }
        })?;
        let pool_pass = self.pool.enter(0, until).map_err(|refusal| match refusal {
            Refusal::TooLarge => "the engine's instance pool takes no memory requests".to_string(),
            Refusal::Timeout { busy, waiting, .. } => over_capacity(
                self.capacity.queue_wait,
                &format!("the engine's instance pool, shared by every host in this process, held {busy} calls"),
                waiting,
            ),
        })?;
        Ok(Room { _lane: lane_pass, _pool: pool_pass })
    }
}

fn over_capacity(wait: Duration, bound: &str, waiting: usize) -> String {
    format!(
        "no room to run within {wait:?}: {bound}, {waiting} more calls waiting; the host is over capacity (HostBuilder::capacity), the component did nothing wrong"
    )
}

/// Bytes as MiB, for details.
fn mib(bytes: usize) -> String {
    if bytes.is_multiple_of(1 << 20) { format!("{} MiB", bytes >> 20) } else { format!("{bytes} bytes") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const LONG: Duration = Duration::from_secs(60);

    fn soon() -> Instant {
        Instant::now() + Duration::from_millis(20)
    }

    /// Spins until `gate` has `n` waiters in line.
    fn until_waiting(gate: &Gate, n: usize) {
        while gate.waiting() != n {
            std::thread::yield_now();
        }
    }

    #[test]
    fn never_more_calls_in_flight_than_slots() {
        let gate = Gate::new(2, 1000);
        let (now, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..200 {
                        let _pass = gate.enter(1, Instant::now() + LONG).unwrap();
                        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(n, Ordering::SeqCst);
                        std::thread::yield_now();
                        now.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 2, "{} calls at once", most.load(Ordering::SeqCst));
        assert_eq!(gate.lock().free_slots, 2, "every slot given back");
    }

    #[test]
    fn memory_in_flight_never_exceeds_the_budget() {
        let gate = Gate::new(8, 100);
        let (now, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|s| {
            for t in 0..8usize {
                let (gate, now, most) = (&gate, &now, &most);
                s.spawn(move || {
                    let memory = [30, 50, 70, 100][t % 4];
                    for _ in 0..100 {
                        let _pass = gate.enter(memory, Instant::now() + LONG).unwrap();
                        let n = now.fetch_add(memory, Ordering::SeqCst) + memory;
                        most.fetch_max(n, Ordering::SeqCst);
                        std::thread::yield_now();
                        now.fetch_sub(memory, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 100, "{} bytes at once", most.load(Ordering::SeqCst));
        assert_eq!(gate.lock().free_memory, 100, "all memory given back");
    }

    #[test]
    fn a_full_gate_refuses_when_the_wait_ends_and_says_why() {
        let gate = Gate::new(2, 100);
        let _a = gate.enter(10, soon()).unwrap();
        let _b = gate.enter(10, soon()).unwrap();
        assert_eq!(gate.enter(10, soon()).unwrap_err(), Refusal::Timeout { busy: 2, memory_in_use: 20, waiting: 0 });
        // Memory, not slots, can be what is short.
        let gate = Gate::new(4, 100);
        let _c = gate.enter(60, soon()).unwrap();
        assert_eq!(gate.enter(50, soon()).unwrap_err(), Refusal::Timeout { busy: 1, memory_in_use: 60, waiting: 0 });
    }

    #[test]
    fn more_memory_than_the_gate_has_is_refused_without_waiting() {
        let gate = Gate::new(1, 100);
        assert_eq!(gate.enter(101, Instant::now() + LONG).unwrap_err(), Refusal::TooLarge);
    }

    #[test]
    fn waiters_get_room_in_the_order_they_asked_for_it() {
        let gate = Gate::new(1, 100);
        let order = Mutex::new(Vec::new());
        let first = gate.enter(0, soon()).unwrap();
        std::thread::scope(|s| {
            for n in 0..4 {
                until_waiting(&gate, n);
                let (gate, order) = (&gate, &order);
                s.spawn(move || {
                    let _pass = gate.enter(0, Instant::now() + LONG).unwrap();
                    order.lock().unwrap().push(n);
                });
            }
            until_waiting(&gate, 4);
            drop(first);
        });
        assert_eq!(*order.lock().unwrap(), [0, 1, 2, 3]);
    }

    #[test]
    fn a_large_request_is_not_overtaken_by_smaller_ones() {
        let gate = Gate::new(4, 100);
        let order = Mutex::new(Vec::new());
        let held = gate.enter(60, soon()).unwrap();
        std::thread::scope(|s| {
            let (g, o) = (&gate, &order);
            s.spawn(move || {
                let _pass = g.enter(80, Instant::now() + LONG).unwrap();
                o.lock().unwrap().push("large");
            });
            until_waiting(&gate, 1);
            // 40 bytes are free, but the large request asked first.
            s.spawn(move || {
                let _pass = g.enter(30, Instant::now() + LONG).unwrap();
                o.lock().unwrap().push("small");
            });
            until_waiting(&gate, 2);
            drop(held);
        });
        assert_eq!(*order.lock().unwrap(), ["large", "small"]);
    }

    #[test]
    fn a_waiter_that_gives_up_holds_no_one_up() {
        let gate = Gate::new(1, 100);
        let held = gate.enter(0, soon()).unwrap();
        std::thread::scope(|s| {
            let g = &gate;
            let impatient = s.spawn(move || g.enter(0, Instant::now() + Duration::from_millis(10)).map(drop));
            until_waiting(&gate, 1);
            let patient = s.spawn(move || g.enter(0, Instant::now() + LONG).map(drop));
            assert!(matches!(impatient.join().unwrap(), Err(Refusal::Timeout { .. })));
            drop(held);
            assert_eq!(patient.join().unwrap(), Ok(()));
        });
    }

    fn pool() -> &'static Gate {
        static POOL: std::sync::OnceLock<Gate> = std::sync::OnceLock::new();
        POOL.get_or_init(|| Gate::new(1000, usize::MAX))
    }

    fn capacity(concurrent_calls: usize, memory_budget: usize) -> Capacity {
        Capacity { concurrent_calls, memory_budget, queue_wait: Duration::from_millis(20) }
    }

    #[test]
    fn a_busy_region_lane_never_holds_up_a_reference_call() {
        let admission = Admission::new(&capacity(2, 1 << 30), 32 << 20, pool());
        let _a = admission.enter(Role::Region, 256 << 20).unwrap();
        let _b = admission.enter(Role::Region, 256 << 20).unwrap();
        let detail = admission.enter(Role::Region, 1 << 20).unwrap_err();
        assert!(detail.contains("all 2 region call slots were busy") && detail.contains("over capacity"), "{detail}");
        let _c = admission.enter(Role::Reference, 32 << 20).unwrap();
        let _d = admission.enter(Role::Reference, 32 << 20).unwrap();
    }

    #[test]
    fn the_reference_share_comes_first_and_takes_at_most_half_the_budget() {
        let a = Admission::new(&capacity(2, 1 << 30), 32 << 20, pool());
        assert_eq!((a.reference.slots(), a.region_memory()), (2, (1 << 30) - (64 << 20)));
        // Sixteen reference calls of 32 MiB would take half of 1 GiB: the
        // reference lane is narrowed to eight.
        let a = Admission::new(&capacity(16, 512 << 20), 32 << 20, pool());
        assert_eq!((a.reference.slots(), a.region.slots(), a.region_memory()), (8, 16, 256 << 20));
        // A budget below one reference call is raised to it; regions then
        // have nothing, and a region call says it can never run.
        let a = Admission::new(&capacity(2, 1 << 20), 32 << 20, pool());
        assert_eq!((a.capacity.memory_budget, a.reference.slots(), a.region_memory()), (32 << 20, 1, 0));
        let detail = a.enter(Role::Region, 8 << 20).unwrap_err();
        assert!(detail.contains("can never run") && detail.contains("memory-mib"), "{detail}");
        // The width is clamped to what the engine's pool holds.
        let a = Admission::new(&capacity(10_000, 1 << 40), 32 << 20, pool());
        assert_eq!(a.capacity.concurrent_calls, MAX_CONCURRENT_CALLS);
        assert_eq!(Admission::new(&capacity(0, 1 << 30), 32 << 20, pool()).capacity.concurrent_calls, 1);
    }

    #[test]
    fn a_region_call_short_of_memory_names_the_budget() {
        let a = Admission::new(&capacity(4, 512 << 20), 32 << 20, pool());
        let _held = a.enter(Role::Region, 256 << 20).unwrap();
        let detail = a.enter(Role::Region, 256 << 20).unwrap_err();
        assert!(detail.contains("held 256 MiB of the 384 MiB memory budget for region calls"), "{detail}");
    }
}
