/**
 * Access orders: the digital blankett 9445 "Beställning användare i SUS" (SPEC §3.3, §3.5). A
 * beställare orders access for a person in their own organisation; a behörighetsadministratör at
 * Försäkringskassan approves it (which creates the access grant, and with SMS login sends the first
 * master password) or rejects it with a reason. Withdrawing access ends the person's sessions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access orders (blankett 9445)")
package se.susam.inloggning.orders;
