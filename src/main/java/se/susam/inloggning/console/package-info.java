/**
 * The staff console ({@code /console}) for Kundcenter, FK's access administration and employers'
 * beställare: its start page lists the tools the person's console roles give. Each tool lives in
 * the module it works on and checks the role itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
package se.susam.inloggning.console;
