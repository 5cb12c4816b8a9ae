package sim

import (
	"math/bits"

	"github.com/alliancesim/alliancesim/agents"
)

// refreshForces recomputes what depends on forces and geography: P(j→i),
// its κ-th power and the largest economy. Called when a capability event or
// an occupation changed them.
func (w *World) refreshForces() {
	n := w.c.n
	w.maxEconomy = 0
	for i := 0; i < n; i++ {
		if w.alive[i] {
			w.maxEconomy = max(w.maxEconomy, w.economy[i])
		}
	}
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			p := 0.0
			if j != i && w.alive[j] {
				p = w.geo.Projection(j, i, w.land[j], w.naval[j])
			}
			w.proj[j*n+i] = p
			w.projK[j*n+i] = w.powK(p)
		}
	}
	w.forcesDirty = false
	w.refreshAlliances()
}

// refreshAlliances recomputes who is allied with whom, the allied help and
// defence of every state, and each client's assurance A_j.
func (w *World) refreshAlliances() {
	n := w.c.n
	clear(w.allyW)
	clear(w.allies)
	clear(w.assurance)
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() {
			continue
		}
		kh := w.c.commitment(al.Strong) * al.Cohesion
		k := w.c.commitment(al.Strong)
		clientMembers := al.Members & w.c.clients
		al.Members.Each(func(i int) {
			w.allies[i] |= al.Members.Without(i)
			if w.c.role[i] == Client && clientMembers.Without(i) != 0 {
				w.assurance[i] = max(w.assurance[i], k)
			}
			al.Members.Each(func(j int) {
				if j != i {
					w.allyW[j*n+i] = max(w.allyW[j*n+i], kh)
				}
			})
		})
	}
	for i := 0; i < n; i++ {
		for a := 0; a < n; a++ {
			w.curW[i*n+a] = w.allyW[a*n+i]
		}
		h := 0.0
		w.allies[i].Each(func(j int) { h += w.allyW[j*n+i] * w.proj[j*n+i] })
		w.help[i] = h
		w.setDefence(i, h)
	}
}

func (w *World) setDefence(i int, help float64) {
	w.defence[i] = w.geo.Defence(i, w.land[i], help)
	w.defK[i] = w.powK(w.defence[i])
}

// perceive is phase 2: every state reads every other's threat (Walt), with
// lag and noise, combines them, and frames the total against its reference
// point (MODEL.md §4–§5).
func (w *World) perceive() {
	if w.forcesDirty {
		w.refreshForces()
	}
	c, n := w.c, w.c.n
	p := &c.p
	first := w.tick == 0
	for i := 0; i < n; i++ {
		var total, adv, picture float64
		grossK := w.powK(w.geo.Defence(i, w.land[i], 0))
		for j := 0; j < n; j++ {
			k := i*n + j
			if j == i || !w.alive[j] || !w.alive[i] {
				w.perceived[k], w.raw[k] = 0, 0
				continue
			}
			pw := 0.0
			if w.maxEconomy > 0 {
				pw = w.economy[j] / w.maxEconomy
			}
			w.base[k] = p.WeightPower*pw + p.WeightProximity*w.geo.Proximity(j, i)
			w.hostile[k] = agents.Intent(c.revisionism[j], c.ideology[i]-c.ideology[j], p.IdeologyWeight,
				c.grievance[k], w.memory[k], w.shift[k], false)
			w.friendly[k] = agents.Intent(0, 0, 0, c.grievance[k], w.memory[k], 0, true)
			tau := w.tau(i, j, w.defK[i], w.allies[i].Has(j), w.deterred(j, w.allies[i], w.curW[i*n:(i+1)*n]))
			w.raw[k] = tau
			noise := w.rng.NormFloat64() * p.PerceptionNoise
			if first {
				w.perceived[k] = agents.Clamp01(tau + noise)
			} else {
				w.perceived[k] = agents.Perceive(w.perceived[k], tau, p.PerceptionLag, noise)
			}
			total = agents.Combine(total, w.perceived[k])
			if c.role[j] == Adversary {
				adv = agents.Combine(adv, w.perceived[k])
				gross := agents.Clamp01(w.perceived[k] + w.tau(i, j, grossK, false, 1) - tau)
				picture = agents.Combine(picture, gross)
			}
		}
		w.direct[i], w.directAdv[i], w.directPicture[i] = total, adv, picture
	}
	w.patronTotals()
	for i := 0; i < n; i++ {
		switch {
		case first && c.hasRef[i]:
			w.reference[i] = c.reference[i]
		case first:
			w.reference[i] = w.threat[i]
		default:
			w.reference[i] = agents.AdaptReference(w.reference[i], w.threat[i], &c.decision[i])
		}
		w.losses[i] = agents.InLosses(w.threat[i], w.reference[i])
	}
}

// patronTotals sets T and T^adv of every state from its direct threat; a
// patron also fears for its clients: T_p = max(direct, stakes-weighted
// client threat from adversaries).
func (w *World) patronTotals() {
	c, n := w.c, w.c.n
	for i := 0; i < n; i++ {
		w.threat[i], w.adv[i], w.picture[i] = w.direct[i], w.directAdv[i], w.directPicture[i]
	}
	c.patrons.Each(func(pi int) {
		weighted, pictured, stakes := 0.0, 0.0, 0.0
		c.clients.Each(func(ci int) {
			if w.alive[ci] {
				weighted += c.stakes[pi*n+ci] * w.directAdv[ci]
				pictured += c.stakes[pi*n+ci] * w.directPicture[ci]
				stakes += c.stakes[pi*n+ci]
			}
		})
		w.threat[pi] = agents.PatronThreat(w.direct[pi], weighted, stakes)
		w.adv[pi] = agents.PatronThreat(w.directAdv[pi], weighted, stakes)
		w.picture[pi] = agents.PatronThreat(w.directPicture[pi], pictured, stakes)
	})
}

// tau is the raw threat τ_mj that m reads from j when m's defence has κ-th
// power defK, j is or is not m's ally, and m's allies scale j's hostile
// intent by deter (extended deterrence; 1 when off).
func (w *World) tau(m, j int, defK float64, ally bool, deter float64) float64 {
	c := w.c
	k := m*c.n + j
	intent := w.hostile[k] * deter
	if ally {
		intent = w.friendly[k]
	}
	occ := agents.OccupationFromPowers(w.projK[j*c.n+m], defK)
	return intent * (w.base[k] + c.p.WeightOffence*occ) * c.invWeights
}

// deterred is the factor 1 − deterrence·D_mj by which m's patron allies
// (with the weights k·h in row, indexed by ally) scale j's hostile intent as
// m reads it: D_mj = 1 − Π_a (1 − row[a]·E_a/(E_a + E_j)). Only patrons
// extend deterrence: it is the great power's pledge that makes j think again.
func (w *World) deterred(j int, allies agents.Set, row []float64) float64 {
	d := w.c.p.Deterrence
	allies &= w.c.patrons // extended deterrence is a patron's
	if d == 0 || allies == 0 {
		return 1
	}
	ej := w.economy[j]
	keep := 1.0
	for r := uint64(allies); r != 0; r &= r - 1 {
		a := bits.TrailingZeros64(r)
		if ea := w.economy[a]; ea+ej > 0 {
			keep *= 1 - row[a]*ea/(ea+ej)
		}
	}
	return 1 - d*(1-keep)
}

// threatWith recomputes state m's direct threat (total and from adversaries)
// as it would be with help changed by dHelp and allies newAllies (standing
// by it with the weights in row m of w.hypW), shifting each perceived
// threat by the change in its raw reading. It changes nothing.
func (w *World) threatWith(m int, dHelp float64, newAllies agents.Set) (total, adv float64) {
	if dHelp == 0 && newAllies == w.allies[m] {
		return w.direct[m], w.directAdv[m]
	}
	c, n := w.c, w.c.n
	defK := w.defK[m]
	if dHelp != 0 {
		defK = w.powK(w.geo.Defence(m, w.land[m], max(0, w.help[m]+dHelp)))
	}
	for j := 0; j < n; j++ {
		k := m*n + j
		if j == m || !w.alive[j] {
			continue
		}
		deter := w.deterred(j, newAllies, w.hypW[m*n:(m+1)*n])
		t := agents.Clamp01(w.perceived[k] + w.tau(m, j, defK, newAllies.Has(j), deter) - w.raw[k])
		total = agents.Combine(total, t)
		if c.role[j] == Adversary {
			adv = agents.Combine(adv, t)
		}
	}
	return total, adv
}

// threatAfter returns i's total threat T_i (for a patron, the stakes-weighted
// max) if every state m in affected had its help changed by w.dHelp[m] and
// its allies set to w.newAlly[m].
func (w *World) threatAfter(i int, affected agents.Set) float64 {
	c, n := w.c, w.c.n
	direct := w.direct[i]
	if affected.Has(i) {
		direct, _ = w.threatWith(i, w.dHelp[i], w.newAlly[i])
	}
	if c.role[i] != Patron {
		return direct
	}
	weighted, stakes := 0.0, 0.0
	c.clients.Each(func(ci int) {
		if !w.alive[ci] {
			return
		}
		a := w.directAdv[ci]
		if affected.Has(ci) {
			_, a = w.threatWith(ci, w.dHelp[ci], w.newAlly[ci])
		}
		weighted += c.stakes[i*n+ci] * a
		stakes += c.stakes[i*n+ci]
	})
	return agents.PatronThreat(direct, weighted, stakes)
}

// refreshThreats brings threats up to date after alliances changed
// mid-tick, so that later decisions in the same tick see the new
// protection: every state in changed rereads its threats with its new
// defence and allies, its perceived threats shifting by the change in the
// raw readings.
func (w *World) refreshThreats(changed agents.Set) {
	w.refreshAlliances()
	c, n := w.c, w.c.n
	changed.Each(func(m int) {
		var total, adv float64
		for j := 0; j < n; j++ {
			k := m*n + j
			if j == m || !w.alive[j] || !w.alive[m] {
				continue
			}
			t := w.tau(m, j, w.defK[m], w.allies[m].Has(j), w.deterred(j, w.allies[m], w.curW[m*n:(m+1)*n]))
			w.perceived[k] = agents.Clamp01(w.perceived[k] + t - w.raw[k])
			w.raw[k] = t
			total = agents.Combine(total, w.perceived[k])
			if c.role[j] == Adversary {
				adv = agents.Combine(adv, w.perceived[k])
			}
		}
		w.direct[m], w.directAdv[m] = total, adv
	})
	w.patronTotals()
}
